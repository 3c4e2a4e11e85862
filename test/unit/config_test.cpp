// Unit tests for configuration: pyproject parsing and validation, upward
// resolution, overrides, selection semantics and glob matching.
#include "analysis/config.h"
#include "fixtures.h"

#include <catch2/catch.hpp>

#include <fstream>

using namespace sparkmigrate::analysis;
namespace fs = std::filesystem;

namespace {
struct TempDir {
  fs::path path;
  TempDir() {
    path = fs::temp_directory_path() / ("sparkmigrate-test-" + std::to_string(::getpid()) + "-" +
                                        std::to_string(reinterpret_cast<std::uintptr_t>(this)));
    fs::create_directories(path);
  }
  ~TempDir() { fs::remove_all(path); }
  void write(const std::string& rel, const std::string& text) {
    fs::create_directories((path / rel).parent_path());
    std::ofstream(path / rel) << text;
  }
};
}  // namespace

TEST_CASE("pyproject [tool.sparkmigrate] is parsed and validated") {
  auto parsed = parsePyproject(R"([project]
name = "x"
[tool.sparkmigrate]
target-version = "4.0"
select = ["SPK1", "SPK301"]
ignore = ["SPK110"]
platform = "databricks"
extend-exclude = ["generated/"]
[tool.sparkmigrate.per-file-ignores]
"tests/*.py" = ["SPK101"]
)",
                               "pyproject.toml");
  REQUIRE(parsed);
  REQUIRE(parsed->has_value());
  const Settings& s = **parsed;
  CHECK(s.target == SparkVersion{4, 0});
  CHECK(s.select == std::vector<std::string>{"SPK1", "SPK301"});
  CHECK(s.ignore == std::vector<std::string>{"SPK110"});
  CHECK(s.platform == Platform::Databricks);
  REQUIRE(s.perFileIgnores.size() == 1);
  CHECK(s.perFileIgnores[0].first == "tests/*.py");

  auto none = parsePyproject("[tool.black]\nline-length = 100\n", "pyproject.toml");
  REQUIRE(none);
  CHECK_FALSE(none->has_value());

  auto unknown = parsePyproject("[tool.sparkmigrate]\ntarget = \"4.0\"\n", "p/pyproject.toml");
  REQUIRE_FALSE(unknown);
  CHECK(unknown.error().message == "p/pyproject.toml:2: unknown key 'target' in [tool.sparkmigrate]");

  auto badVersion = parsePyproject("[tool.sparkmigrate]\ntarget-version = \"2.4\"\n", "pyproject.toml");
  REQUIRE_FALSE(badVersion);
  CHECK_THAT(badVersion.error().message, Catch::Contains("target-version must be one of 3.4, 3.5"));

  auto badCode = parsePyproject("[tool.sparkmigrate]\nselect = [\"E501\"]\n", "pyproject.toml");
  REQUIRE_FALSE(badCode);
  CHECK_THAT(badCode.error().message, Catch::Contains("'E501' is not a rule code or prefix"));

  auto broken = parsePyproject("[tool.sparkmigrate\n", "pyproject.toml");
  REQUIRE_FALSE(broken);
  CHECK_THAT(broken.error().message, Catch::StartsWith("pyproject.toml:1: invalid TOML"));
}

TEST_CASE("max-file-size takes bytes or a size with a unit; anything else is a configuration error") {
  auto parse = [](const std::string& value) {
    return parsePyproject("[tool.sparkmigrate]\nmax-file-size = " + value + "\n", "p/pyproject.toml");
  };
  CHECK((*parse("1048576"))->maxFileSize == 1048576u);
  CHECK((*parse("\"500KB\""))->maxFileSize == 500000u);
  CHECK((*parse("0"))->maxFileSize == 0u);
  CHECK((*parsePyproject("[tool.sparkmigrate]\n", "p/pyproject.toml"))->maxFileSize == kDefaultMaxFileSize);
  for (const char* bad : {"-1", "\"lots\"", "1.5", "true", "[1]"}) {
    INFO(bad);
    auto parsed = parse(bad);
    REQUIRE_FALSE(parsed);
    CHECK(parsed.error().message ==
          "p/pyproject.toml:2: max-file-size must be a number of bytes or a size such as \"16MiB\" or "
          "\"500KB\" (0 for no limit)");
  }
}

TEST_CASE("the nearest pyproject with our table governs; overrides win; broken configs fall back") {
  TempDir dir;
  dir.write("pyproject.toml", "[tool.sparkmigrate]\ntarget-version = \"4.0\"\nignore = [\"SPK110\"]\n");
  dir.write("pkg/pyproject.toml", "[tool.black]\n");  // no table: keep searching upward
  dir.write("pkg/mod.py", "");
  dir.write("other/pyproject.toml", "[tool.sparkmigrate]\ntarget-version = \"4.2\"\n");
  dir.write("other/x.py", "");
  dir.write("broken/pyproject.toml", "[tool.sparkmigrate\n");
  dir.write("broken/y.py", "");

  ConfigResolver resolver;
  auto pkg = resolver.forFile(dir.path / "pkg/mod.py");
  CHECK(pkg.problem.empty());
  CHECK(pkg.settings->target == SparkVersion{4, 0});
  CHECK(pkg.settings->configPath == (dir.path / "pyproject.toml").string());
  CHECK(relativeTo(*pkg.settings, dir.path / "pkg/mod.py") == "pkg/mod.py");
  CHECK(resolver.forFile(dir.path / "other/x.py").settings->target == SparkVersion{4, 2});
  auto broken = resolver.forFile(dir.path / "broken/y.py");
  CHECK_THAT(broken.problem, Catch::Contains("invalid TOML"));
  CHECK(broken.settings->target == kDefaultTarget);

  Overrides overrides;
  overrides.target = SparkVersion{3, 4};
  overrides.extendIgnore = {"SPK001"};
  ConfigResolver withFlags(overrides);
  auto flagged = withFlags.forFile(dir.path / "pkg/mod.py");
  CHECK(flagged.settings->target == SparkVersion{3, 4});
  CHECK(flagged.settings->ignore == std::vector<std::string>{"SPK110", "SPK001"});
  CHECK(flagged.settings->maxFileSize == kDefaultMaxFileSize);

  dir.write("sized/pyproject.toml", "[tool.sparkmigrate]\nmax-file-size = \"1MiB\"\n");
  CHECK(resolver.forFile(dir.path / "sized/z.py").settings->maxFileSize == 1u << 20);
  overrides.maxFileSize = 4096;
  ConfigResolver withSize(overrides);
  CHECK(withSize.forFile(dir.path / "sized/z.py").settings->maxFileSize == 4096u);
}

TEST_CASE("rule selection: prefixes, ignore, per-file ignores, versions") {
  const Catalogue& catalogue = Catalogue::builtin();
  auto enabled = [&](const Settings& s, const std::string& code, const std::string& path = "a.py") {
    return enabledRules(catalogue, s, path, false)[catalogue.indexOf(catalogue.find(code))] != 0;
  };
  Settings defaults;
  CHECK(enabled(defaults, "SPK101"));
  Settings onlySession;
  onlySession.select = {"SPK0"};
  CHECK(enabled(onlySession, "SPK001"));
  CHECK_FALSE(enabled(onlySession, "SPK101"));
  Settings ignoring;
  ignoring.ignore = {"SPK10"};
  CHECK_FALSE(enabled(ignoring, "SPK101"));
  Settings perFile;
  perFile.perFileIgnores = {{"tests/**/*.py", {"SPK101"}}};
  CHECK_FALSE(enabled(perFile, "SPK101", "tests/unit/test_a.py"));
  CHECK(enabled(perFile, "SPK101", "src/a.py"));
}

TEST_CASE("glob matching") {
  CHECK(globMatch("*.py", "a/b/c.py"));
  CHECK(globMatch("tests/*.py", "tests/x.py"));
  CHECK_FALSE(globMatch("tests/*.py", "tests/sub/x.py"));
  CHECK(globMatch("tests/**/*.py", "tests/sub/deeper/x.py"));
  CHECK(globMatch("tests/**/*.py", "tests/x.py"));
  CHECK(globMatch("generated/", "generated/x.py"));
  CHECK(globMatch("gen", "src/gen/x.py"));
  CHECK(globMatch("file[0-9].py", "file3.py"));
  CHECK_FALSE(globMatch("file[!0-9].py", "file3.py"));
}
