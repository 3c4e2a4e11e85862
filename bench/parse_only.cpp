// Benchmark floor: what tree-sitter-python alone costs on the same files, built
// on the same tree-sitter library as sparkmigrate. `parse_only_bench PATH...`
// reads every .py file under the paths and parses each once on one thread
// (the figure `check --jobs 1` is compared with). `parse_only_bench --reparse
// FILE LINE COLUMN [KEYSTROKES]` (0-based, as LSP positions; 100 keystrokes
// unless told) types a digit at a time there, each an edit followed by
// tree-sitter's incremental reparse: the floor of the same keystrokes in the
// language server (bench/lsp_latency.py); prints the median in milliseconds.
#include "analysis/syntax.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using namespace sparkmigrate::analysis;

namespace {

std::string readAll(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

int parseAll(int argc, char** argv) {
  std::vector<std::filesystem::path> files;
  for (int i = 1; i < argc; ++i) {
    std::filesystem::path root = argv[i];
    if (std::filesystem::is_regular_file(root)) files.push_back(root);
    else
      for (const auto& entry : std::filesystem::recursive_directory_iterator(root))
        if (entry.path().extension() == ".py" && entry.is_regular_file()) files.push_back(entry.path());
  }
  std::size_t bytes = 0, nodes = 0;
  for (const auto& file : files) {
    std::string text = readAll(file);
    bytes += text.size();
    TreePtr tree = parsePython(text);
    nodes += ts_node_descendant_count(ts_tree_root_node(tree.get()));
  }
  std::printf("parsed %zu files, %zu bytes, %zu nodes\n", files.size(), bytes, nodes);
  return 0;
}

// Types a digit into the line (at its end, before the newline) again and
// again, reparsing incrementally after each keystroke as the server does.
int reparse(const char* path, long line, long column, int keystrokes) {
  std::string text = readAll(path);
  std::size_t offset = 0;
  for (long l = 0; l < line && offset != std::string::npos; ++l) {
    offset = text.find('\n', offset);
    if (offset != std::string::npos) ++offset;
  }
  std::size_t end = offset == std::string::npos ? offset : text.find('\n', offset);
  if (end == std::string::npos || column < 0 || offset + column > end) {
    std::fprintf(stderr, "parse_only_bench: %s has no line %ld with a column %ld\n", path, line, column);
    return 2;
  }
  std::size_t at = offset + column;
  LineIndex lines(text);
  TreePtr tree = parsePython(text);
  std::vector<double> samples;
  for (int i = 0; i < keystrokes; ++i) {
    auto start = std::chrono::steady_clock::now();
    ByteRange range{static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(at)};
    TSInputEdit edit = inputEdit(lines, range, "0");
    text.insert(at, "0");
    ts_tree_edit(tree.get(), &edit);
    tree = parsePython(text, tree.get());
    samples.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    lines = LineIndex(text);
    ++at;
  }
  std::sort(samples.begin(), samples.end());
  std::printf("%.3f\n", samples[samples.size() / 2]);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if ((argc == 5 || argc == 6) && std::string(argv[1]) == "--reparse")
    return reparse(argv[2], std::atol(argv[3]), std::atol(argv[4]), argc == 6 ? std::atoi(argv[5]) : 100);
  if (argc < 2) {
    std::fprintf(stderr, "usage: parse_only_bench PATH...\n       parse_only_bench --reparse FILE LINE COLUMN [KEYSTROKES]\n");
    return 2;
  }
  return parseAll(argc, argv);
}
