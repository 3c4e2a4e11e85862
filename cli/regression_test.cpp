// `sparkmigrate explain --write-test`: writes a pytest test for the code an
// exception pointed at. The test runs the migrated function (or, for code at
// module level, the whole script) against a Spark Connect session (the URL in
// SPARK_REMOTE, else a Connect server it starts from pyspark) and asserts
// that it completes; when the original could be run on classic local Spark
// first, its result (the function's return value, or the script's output) is
// recorded in the test and must come back the same. Recording runs the
// original in a separate Python ($SPARKMIGRATE_PYTHON, else python3) before
// any fix is written.
#include "analysis/kinds.h"
#include "analysis/migration.h"
#include "cli/explain.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>

namespace sparkmigrate::cli {
namespace fs = std::filesystem;
namespace {

// Shared, byte for byte, by the recorder and the generated test, so that a
// result compares equal to its recording.
constexpr const char* kNormalise = R"PY(def normalise(value, collected=False):
    """A comparable, JSON-friendly form of a result: DataFrames and RDDs by their rows (in any
    order), rows and tuples as lists, dicts with sorted keys, floats rounded, the rest by repr."""
    if hasattr(value, "collect") and callable(value.collect):
        return normalise(value.collect(), collected=True)
    if hasattr(value, "asDict") and isinstance(value, tuple):
        return [normalise(v) for v in value]
    if isinstance(value, dict):
        return {str(k): normalise(v) for k, v in sorted(value.items(), key=lambda kv: repr(kv[0]))}
    if isinstance(value, (set, frozenset)) or (collected and isinstance(value, list)):
        return sorted((normalise(v) for v in value), key=repr)
    if isinstance(value, (list, tuple)):
        return [normalise(v) for v in value]
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        return round(value, 9)
    return repr(value)
)PY";

constexpr const char* kLoader = R"PY(def load_module(path):
    import importlib.util
    import sys
    for folder in (str(path.parent), str(path.parent.parent)):
        if folder not in sys.path:
            sys.path.insert(0, folder)
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
)PY";

// The session the generated test runs on: SPARK_REMOTE, else a Spark Connect
// server started as its own JVM from pyspark's spark-submit and spark-connect
// jar. Not `remote("local")`: that hosts a classic SparkContext in the test's
// process, where SparkContext.getOrCreate() quietly works.
constexpr const char* kSessionFixture = R"PY(def start_connect_server(work):
    import pyspark

    home = pathlib.Path(pyspark.__file__).resolve().parent
    jars = sorted((home / "jars").glob("spark-connect_*.jar"))
    if not jars:
        pytest.fail("set SPARK_REMOTE to a Spark Connect server: this pyspark has no spark-connect jar to start one")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {k: v for k, v in os.environ.items()
           if k not in ("SPARK_REMOTE", "SPARK_CONNECT_MODE_ENABLED", "PYSPARK_SUBMIT_ARGS")}
    env.update(SPARK_HOME=str(home), PYSPARK_PYTHON=sys.executable, SPARK_LOCAL_IP="127.0.0.1")
    command = [str(home / "bin" / "spark-submit"), "--class", "org.apache.spark.sql.connect.service.SparkConnectServer",
               "--master", "local[2]", "--conf", "spark.ui.enabled=false",
               "--conf", "spark.connect.grpc.binding.address=127.0.0.1",
               "--conf", f"spark.connect.grpc.binding.port={port}", str(jars[-1])]
    log = work / "spark-connect-server.log"
    with open(log, "wb") as out:
        server = subprocess.Popen(command, cwd=work, env=env, stdin=subprocess.DEVNULL, stdout=out,
                                  stderr=subprocess.STDOUT, start_new_session=True)
    deadline = time.monotonic() + 180
    while server.poll() is None and time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return server, f"sc://127.0.0.1:{port}"
        time.sleep(0.25)
    if server.poll() is None:
        os.killpg(server.pid, signal.SIGKILL)
    pytest.fail(f"the local Spark Connect server did not start (log: {log})")


@pytest.fixture(scope="session")
def spark(tmp_path_factory):
    server = None
    if not os.environ.get("SPARK_REMOTE"):
        server, os.environ["SPARK_REMOTE"] = start_connect_server(tmp_path_factory.mktemp("spark-connect"))
    from pyspark.sql import SparkSession

    session = None
    try:
        session = SparkSession.builder.getOrCreate()
        assert type(session).__module__.startswith("pyspark.sql.connect"), "not a Spark Connect session"
        yield session
    finally:
        if server is not None:
            # The client first: stopped after its server, it would retry the connection at exit.
            if session is not None:
                session.stop()
            del os.environ["SPARK_REMOTE"]
            os.killpg(server.pid, signal.SIGTERM)
            try:
                server.wait(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
                server.wait()
)PY";

std::string pythonString(const std::string& s) { return nlohmann::json(s).dump(); }

// 'text' for sh (an interpreter path may hold spaces).
std::string shellQuoted(const std::string& text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// Runs `script` with the interpreter; returns its stdout, or nullopt.
std::optional<std::string> runPython(const std::string& script, std::string& error) {
  const char* configured = std::getenv("SPARKMIGRATE_PYTHON");
  std::string python = configured && *configured ? configured : "python3";
  char scriptPath[] = "/tmp/sparkmigrate-record-XXXXXX";
  int fd = ::mkstemp(scriptPath);
  if (fd < 0) {
    error = "cannot create a temporary file";
    return std::nullopt;
  }
  ::write(fd, script.data(), script.size());
  ::close(fd);
  std::string command = fmt::format("{} {} 2>&1", shellQuoted(python), shellQuoted(scriptPath));
  std::string output;
  if (FILE* pipe = ::popen(command.c_str(), "r")) {
    char buffer[4096];
    std::size_t n;
    while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) output.append(buffer, n);
    int status = ::pclose(pipe);
    ::unlink(scriptPath);
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return output;
    std::string last = output.substr(output.rfind('\n', output.size() > 1 ? output.size() - 2 : 0) + 1);
    error = last.empty() ? "the original failed on classic Spark" : last;
    while (!error.empty() && error.back() == '\n') error.pop_back();
    return std::nullopt;
  }
  ::unlink(scriptPath);
  error = "cannot run " + python;
  return std::nullopt;
}

constexpr std::string_view kMarker = "@@sparkmigrate-recorded@@";

struct Target {
  std::string function;           // "" = run the module as a script
  std::vector<std::string> args;  // python expressions, in order
  std::string why;                // when it cannot be called
};

// What the test calls: the top-level function of the cause, if its
// parameters can be supplied (a session, defaults), else nothing.
Target targetOf(const std::string& text, const analysis::Diagnostic& d) {
  Target target;
  analysis::TreePtr tree = analysis::parsePython(text);
  TSNode root = ts_tree_root_node(tree.get());
  analysis::ParentIndex parents(root);
  analysis::MigrationRegion region = analysis::migrationRegion(text, root, false, d.range.start);
  if (region.kind == "method") {
    target.why = "the code is in the method `" + region.name + "`, which needs an instance";
    return target;
  }
  if (region.kind != "function") return target;  // module level: run the script
  target.function = region.name;
  TSNode def{};
  analysis::forEachNamedChild(root, [&](TSNode child) {
    TSNode candidate = analysis::isType(child, "decorated_definition") ? analysis::field(child, "definition") : child;
    if (analysis::isType(candidate, "function_definition") &&
        analysis::nodeText(analysis::field(candidate, "name"), text) == region.name)
      def = candidate;
  });
  if (ts_node_is_null(def)) return target;
  analysis::forEachNamedChild(analysis::field(def, "parameters"), [&](TSNode p) {
    std::string_view type = analysis::nodeType(p);
    if (type == "default_parameter" || type == "typed_default_parameter" || type == "list_splat_pattern" ||
        type == "dictionary_splat_pattern" || type == "keyword_separator" || type == "positional_separator")
      return;
    TSNode name = type == "typed_parameter" ? ts_node_named_child(p, 0) : p;
    std::string n(analysis::nodeText(name, text));
    if (analysis::kindOfConventionalName(n) == analysis::Kind::SparkSession)
      target.args.push_back("spark");
    else if (target.why.empty())
      target.why = "`" + region.name + "` needs the argument `" + n + "`, which sparkmigrate cannot make up";
  });
  return target;
}

std::string safeName(std::string s) {
  for (char& c : s)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  return s;
}

}  // namespace

std::string writeRegressionTest(const migrate::ExplainRequest& request, const migrate::ExplainResult& result,
                                const fs::path& testsDirOption, std::vector<std::string>& notes) {
  if (result.causes.empty()) return "";
  const analysis::Cause& cause = result.causes.front();
  const analysis::FrameFile& file = result.files[cause.file];
  Target target = targetOf(file.text, cause.finding);
  if (!target.why.empty()) {
    notes.push_back("no test written: " + target.why);
    return "";
  }
  std::error_code ec;
  fs::path module = fs::absolute(file.path, ec).lexically_normal();
  fs::path testsDir = testsDirOption;
  if (testsDir.empty()) {
    testsDir = request.root / "tests";
    if (!fs::is_directory(testsDir, ec) && fs::is_directory(request.root / "test", ec)) testsDir = request.root / "test";
  }
  fs::create_directories(testsDir, ec);
  if (ec) {
    notes.push_back("no test written: cannot create " + testsDir.string() + ": " + ec.message());
    return "";
  }
  std::string call = target.function.empty() ? "" : target.function + "(";
  for (std::size_t i = 0; i < target.args.size(); ++i) call += (i ? ", " : "") + target.args[i];
  if (!call.empty()) call += ")";

  // Record the original on classic Spark.
  std::string body = std::string(R"PY(import os
import signal

# Classic Spark, whatever the caller's environment says; ten minutes at most.
for name in ("SPARK_REMOTE", "SPARK_CONNECT_MODE_ENABLED"):
    os.environ.pop(name, None)
signal.alarm(600)

)PY") + kNormalise + "\n\n" + kLoader + R"PY(

import contextlib
import io
import json
import pathlib

from pyspark.sql import SparkSession

spark = SparkSession.builder.master("local[2]").config("spark.ui.enabled", "false").getOrCreate()
)PY";
  body += "MODULE_PATH = pathlib.Path(" + pythonString(module.string()) + ")\n";
  if (target.function.empty()) {
    body += R"PY(import runpy
out = io.StringIO()
with contextlib.redirect_stdout(out):
    runpy.run_path(str(MODULE_PATH), run_name="__main__")
recorded = out.getvalue()
)PY";
  } else {
    body += "module = load_module(MODULE_PATH)\nrecorded = normalise(module." + call + ")\n";
  }
  body += "print(" + pythonString(std::string(kMarker)) + " + json.dumps(recorded))\n";
  std::string recordError;
  std::string expected = "None";
  if (auto out = runPython(body, recordError)) {
    std::size_t at = out->rfind(kMarker);
    if (at != std::string::npos) {
      std::string payload = out->substr(at + kMarker.size());
      payload = payload.substr(0, payload.find('\n'));
      if (nlohmann::json::accept(payload)) expected = "json.loads(" + pythonString(payload) + ")";
    }
  } else {
    notes.push_back("the original's result on classic Spark could not be recorded (" + recordError +
                    "); the test only checks that the migrated code completes");
  }

  std::string what = target.function.empty() ? "the script" : "`" + target.function + "`";
  std::string name = "test_spark_connect_" + safeName(module.stem().string()) +
                     (target.function.empty() ? "" : "_" + safeName(target.function));
  fs::path path = testsDir / (name + ".py");
  for (int n = 2; fs::exists(path, ec); ++n) {
    std::ifstream existing(path);
    std::string first;
    std::getline(existing, first);
    if (first.find("Generated by `sparkmigrate explain --write-test`") != std::string::npos) break;  // ours
    path = testsDir / fmt::format("{}_{}.py", name, n);
  }
  fs::path relative = module.lexically_relative(fs::absolute(testsDir, ec));
  std::string condition = request.error.condition.empty() ? request.error.exceptionType : request.error.condition;
  std::ostringstream t;
  t << "# Generated by `sparkmigrate explain --write-test`: " << condition << " at "
    << file.path << ":" << cause.finding.start.line + 1 << " (" << cause.finding.code << ").\n"
    << "\"\"\"Runs " << what << " on Spark Connect: SPARK_REMOTE if set, else a local Connect server started\n"
    << "from pyspark. It must complete" << (expected == "None" ? "" : ", with what the original produced on classic Spark")
    << ".\"\"\"\n\n"
    << "import contextlib\nimport io\nimport json\nimport os\nimport pathlib\nimport signal\nimport socket\n"
    << "import subprocess\nimport sys\nimport time\n\nimport pytest\n\n"
    << "MODULE_PATH = (pathlib.Path(__file__).resolve().parent / " << pythonString(relative.generic_string())
    << ").resolve()\n"
    << "# The original's result on classic local Spark, recorded when the test was written (None: not recorded).\n"
    << "EXPECTED = " << expected << "\n\n\n"
    << kNormalise << "\n\n" << kLoader << "\n\n"
    << kSessionFixture << "\n\n";
  if (target.function.empty()) {
    t << "def test_" << safeName(module.stem().string()) << "_runs_on_spark_connect(spark):\n"
      << "    import runpy\n\n"
      << "    out = io.StringIO()\n"
      << "    with contextlib.redirect_stdout(out):\n"
      << "        runpy.run_path(str(MODULE_PATH), run_name=\"__main__\")\n"
      << "    if EXPECTED is not None:\n"
      << "        assert out.getvalue() == EXPECTED\n";
  } else {
    t << "def test_" << safeName(target.function) << "_runs_on_spark_connect(spark):\n"
      << "    module = load_module(MODULE_PATH)\n"
      << "    result = normalise(module." << call << ")\n"
      << "    if EXPECTED is not None:\n"
      << "        assert result == EXPECTED\n";
  }
  // A new name (O_EXCL, so never through a link planted at a predictable
  // name), then a rename, which replaces a link at `path` rather than
  // writing where it points.
  std::string tmp = (testsDir / ("." + path.filename().string() + ".XXXXXX")).string();
  int fd = ::mkostemp(tmp.data(), O_CLOEXEC);
  if (fd < 0) {
    notes.push_back(fmt::format("no test written: cannot create a file in {}: {}", testsDir.string(),
                                std::strerror(errno)));
    return "";
  }
  const std::string text = t.str();
  bool written = ::fchmod(fd, 0644) == 0;
  for (std::size_t at = 0; written && at < text.size();) {
    ssize_t n = ::write(fd, text.data() + at, text.size() - at);
    written = n > 0 || (n < 0 && errno == EINTR);
    if (n > 0) at += static_cast<std::size_t>(n);
  }
  written = ::close(fd) == 0 && written;
  if (!written) {
    notes.push_back("no test written: cannot write " + tmp);
    fs::remove(tmp, ec);
    return "";
  }
  fs::rename(tmp, path, ec);
  if (ec) {
    notes.push_back("no test written: " + ec.message());
    fs::remove(tmp, ec);
    return "";
  }
  return path.string();
}

}  // namespace sparkmigrate::cli
