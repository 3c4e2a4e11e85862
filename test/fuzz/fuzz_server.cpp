// Fuzzes the whole language server in-process: the input is a transcript in
// the `---`-delimited form of test/lsp/*.jsonrpc, served by a fresh
// server::Server in test mode (deterministic scheduling: background analysis
// runs at shutdown and at the end of input) reading it from a memory file,
// its answers written to /dev/null. Everything behind dispatch runs: the
// handlers, position conversion, incremental analysis, diagnostics, code
// actions, fix-all, hover, configuration.
//
// Only public API is used (ServerOptions' input descriptor and output file).
// Before the input is served, the harness:
//   * points every workspace folder (initialize's rootUri/rootPath/
//     workspaceFolders, didChangeWorkspaceFolders) at a small sandbox folder,
//     so that workspace/diagnostic never walks the machine's file system.
// Model requests (an `llm` setting plus codeAction/resolve) go through a
// proxy on a closed loopback port, so they fail at once without the network.
#include "protocol/framing.h"
#include "server/server.h"
#include "support/log.h"

#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
namespace protocol = sparkmigrate::protocol;
namespace server = sparkmigrate::server;
using json = nlohmann::json;

namespace {

std::string gSandbox;     // a folder with a pyproject.toml and two Python files
std::string gSandboxUri;  // its file:// URI
std::FILE* gOutput = nullptr;

int memoryFile(const std::string& text) {
  int fd = memfd_create("fuzz_server", MFD_CLOEXEC);
  if (fd < 0) std::abort();
  for (std::size_t done = 0; done < text.size();) {
    ssize_t n = write(fd, text.data() + done, text.size() - done);
    if (n <= 0) std::abort();
    done += static_cast<std::size_t>(n);
  }
  lseek(fd, 0, SEEK_SET);
  return fd;
}

void writeFile(const fs::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

// Rewrites workspace folder locations inside `value` to the sandbox.
void confineFolders(json& value, int depth = 0) {
  if (depth > 16 || !value.is_structured()) return;
  if (value.is_object()) {
    for (auto it = value.begin(); it != value.end(); ++it) {
      if (it->is_string() && (it.key() == "rootUri" || it.key() == "uri"))
        *it = gSandboxUri;
      else if (it->is_string() && it.key() == "rootPath")
        *it = gSandbox;
      else
        confineFolders(*it, depth + 1);
    }
  } else {
    for (auto& child : value) confineFolders(child, depth + 1);
  }
}

// The input's frames as the server would read them, with workspace folders
// confined; re-joined in the delimited form. An early `exit` stays: the
// server must end cleanly with the rest of the input unread.
std::string prepare(const std::uint8_t* data, std::size_t size) {
  int fd = memoryFile(std::string(reinterpret_cast<const char*>(data), size));
  protocol::FrameReader reader(fd, protocol::Framing::Delimited);
  std::string out;
  while (true) {
    protocol::Frame frame = reader.next();
    if (frame.kind == protocol::Frame::Kind::Eof) break;
    if (frame.kind != protocol::Frame::Kind::Body) continue;
    json value = json::parse(frame.body, nullptr, /*allow_exceptions=*/false);
    if (value.is_object()) {
      auto method = value.find("method");
      if (method != value.end() && method->is_string()) {
        const std::string& name = method->get_ref<const std::string&>();
        if ((name == "initialize" || name == "workspace/didChangeWorkspaceFolders") && value.contains("params")) {
          confineFolders(value["params"]);
          frame.body = value.dump(-1, ' ', false, json::error_handler_t::replace) + "\n";
        }
      }
    }
    out += frame.body;
    out += "---\n";
  }
  close(fd);
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  char pattern[] = "/tmp/sparkmigrate-fuzz-server-XXXXXX";
  if (!mkdtemp(pattern)) std::abort();
  gSandbox = pattern;
  gSandboxUri = "file://" + gSandbox;
  writeFile(fs::path(gSandbox) / "pyproject.toml", "[tool.sparkmigrate]\ntarget-version = \"3.5\"\n");
  writeFile(fs::path(gSandbox) / "job.py",
            "from pyspark.sql import SparkSession\nspark = SparkSession.builder.getOrCreate()\n"
            "sc = spark.sparkContext\nrdd = sc.parallelize([1, 2])\nprint(rdd.count())\n");
  writeFile(fs::path(gSandbox) / "notebook.py",
            "# Databricks notebook source\nsc.setLogLevel(\"WARN\")\n# COMMAND ----------\n"
            "df = spark.range(3)\ndf.rdd.isEmpty()\n");
  setenv("SPARKMIGRATE_CACHE_DIR", (gSandbox + "/cache").c_str(), 1);
  setenv("all_proxy", "socks5h://127.0.0.1:9", 1);
  setenv("ALL_PROXY", "socks5h://127.0.0.1:9", 1);
  setenv("http_proxy", "socks5h://127.0.0.1:9", 1);
  setenv("https_proxy", "socks5h://127.0.0.1:9", 1);
  unsetenv("no_proxy");
  unsetenv("NO_PROXY");
  // Logging on (its formatting is code too), into nothing.
  sparkmigrate::support::setLogLevel(sparkmigrate::support::LogLevel::Debug);
  sparkmigrate::support::setLogFile("/dev/null");
  gOutput = std::fopen("/dev/null", "w");
  if (!gOutput) std::abort();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string transcript = prepare(data, size);
  int fd = memoryFile(transcript);
  {
    server::ServerOptions options;
    options.testMode = true;
    options.inputFd = fd;
    options.output = gOutput;
    options.jobs = 1;
    server::Server srv(options);
    (void)srv.run();
  }
  close(fd);
  return 0;
}
