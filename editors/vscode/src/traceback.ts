// "Migrate from exception": is the clipboard a Spark error or a Python
// traceback worth offering? And the round trip through VS Code's one-line
// input box, which would drop the newlines a traceback needs: they are shown
// as " ⏎ " and put back before the text goes to the server. Pure.

const MARKERS: RegExp[] = [
  /Traceback \(most recent call last\):/,
  /^\s*File "[^"\n]+", line \d+/m,
  /pyspark\.errors\.exceptions/,
  /\b(?:PySpark|SparkConnect|SparkConnectGrpc|Analysis|Py4J|IllegalArgument|PythonException|Parse|Temp)\w*(?:Exception|Error)\b/,
  /py4j\.protocol\./,
  /\[[A-Z][A-Z0-9_]*(?:\.[A-Z][A-Z0-9_]*)*\]\s/, // an error condition: [JVM_ATTRIBUTE_NOT_SUPPORTED] ...
  /\bJVM_ATTRIBUTE_NOT_SUPPORTED\b|\bNOT_IMPLEMENTED\b|\bUNSUPPORTED_CONNECT_FEATURE\b/,
  /\b(?:AttributeError|NotImplementedError|TypeError|RuntimeError|ValueError|AssertionError): .*(?:Spark|spark|RDD|rdd|JVM|_jvm|_jdf|_jsc|sparkContext|DataFrame)/,
];

const MAX_LENGTH = 16 * 1024 * 1024;

/** True when `text` looks like a Spark / PySpark error or a Python traceback. */
export function looksLikeTraceback(text: string | undefined | null): boolean {
  if (typeof text !== "string") return false;
  const t = text.trim();
  if (t.length < 12 || t.length > MAX_LENGTH) return false;
  return MARKERS.some((re) => re.test(t));
}

export const NEWLINE_MARK = " \u23ce ";

/** The text for the one-line input box: newlines shown as " ⏎ ". */
export function toInputBox(text: string): string {
  return text.replace(/\r\n?/g, "\n").replace(/\n+$/, "").split("\n").join(NEWLINE_MARK);
}

/** Back from the input box: " ⏎ " (or a bare ⏎) becomes a newline again. */
export function fromInputBox(text: string): string {
  return text.split(/ ?\u23ce ?/).join("\n");
}

/** The input box's initial value: the clipboard when it looks like a traceback. */
export function prefill(clipboard: string | undefined): string {
  return clipboard && looksLikeTraceback(clipboard) ? toInputBox(clipboard) : "";
}
