def read_lines(sc, path):
    return sc.textFile(path).map(lambda line: line.strip().lower()).filter(lambda line: line)
