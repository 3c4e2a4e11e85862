// Writing a changed notebook document back into the .ipynb's JSON
// (analysis::writeNotebook): only the changed cells' `source` values are
// replaced, in the shape they had; IPython lines come back as they were
// written; a change that cannot be put back into cells is refused.
#include "analysis/notebook.h"

#include <catch2/catch.hpp>

#include <string>

using namespace sparkmigrate::analysis;

namespace {

// A notebook laid out as nbformat writes it (one space per level).
const std::string kNotebook = R"nb({
 "cells": [
  {
   "cell_type": "code",
   "execution_count": 1,
   "metadata": {"tags": ["é"]},
   "outputs": [{"name": "stdout", "output_type": "stream", "text": ["ok\n"]}],
   "source": [
    "%pip install pandas\n",
    "rows = sc.parallelize([1])\n",
    "files = !ls\n",
    "n = 1"
   ]
  },
  {
   "cell_type": "markdown",
   "metadata": {},
   "source": ["Café \"quoted\"\n", "rows = sc.parallelize([2])"]
  },
  {
   "cell_type": "code",
   "execution_count": null,
   "metadata": {},
   "outputs": [],
   "source": "x = 1\ny = 2\n"
  },
  {
   "cell_type": "code",
   "execution_count": null,
   "metadata": {},
   "outputs": [],
   "source": []
  }
 ],
 "metadata": {"language_info": {"name": "python"}},
 "nbformat": 4,
 "nbformat_minor": 5
}
)nb";

Notebook read(const std::string& json) {
  auto notebook = readNotebook(json);
  REQUIRE(notebook);
  return *notebook;
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("the document has the code cells between separators, IPython masked") {
  Notebook notebook = read(kNotebook);
  CHECK(notebook.source == std::string(kJupyterNotebookMarker) +
                               "\n#pip install pandas\nrows = sc.parallelize([1])\n#iles = !ls\nn = 1\n"
                               "# COMMAND ----------\nx = 1\ny = 2\n# COMMAND ----------\n");
  REQUIRE(notebook.cells.size() == 3);
  CHECK(notebook.cells[1].number == 3);
  CHECK(notebook.cells[1].firstLine == 6);
  CHECK(notebook.locate(7).cell == 3);
  CHECK(notebook.locate(7).line == 1);
}

TEST_CASE("an unchanged document gives the notebook back byte for byte") {
  Notebook notebook = read(kNotebook);
  auto written = writeNotebook(kNotebook, notebook, notebook.source);
  REQUIRE(written);
  CHECK(*written == kNotebook);
}

TEST_CASE("a changed cell keeps its layout and its IPython lines; the rest is untouched") {
  Notebook notebook = read(kNotebook);
  std::string document = replaced(notebook.source, "rows = sc.parallelize([1])\n", "rows = spark.range(1)\nz = \"é\\t\"\n");
  auto written = writeNotebook(kNotebook, notebook, document);
  REQUIRE(written);
  CHECK(*written == replaced(kNotebook, "    \"rows = sc.parallelize([1])\\n\",\n",
                             "    \"rows = spark.range(1)\\n\",\n    \"z = \\\"é\\\\t\\\"\\n\",\n"));
  CHECK(read(*written).source == document);
}

TEST_CASE("a one-string source stays one string, and the last line keeps its missing newline") {
  Notebook notebook = read(kNotebook);
  auto written = writeNotebook(kNotebook, notebook, replaced(notebook.source, "y = 2\n", "y = 3\n"));
  REQUIRE(written);
  CHECK(*written == replaced(kNotebook, R"("source": "x = 1\ny = 2\n")", R"("source": "x = 1\ny = 3\n")"));
  written = writeNotebook(kNotebook, notebook, replaced(notebook.source, "n = 1\n", "n = 2\n"));
  REQUIRE(written);
  CHECK(*written == replaced(kNotebook, "    \"n = 1\"\n", "    \"n = 2\"\n"));
}

TEST_CASE("an empty cell that gains code is laid out as nbformat lays out lists") {
  Notebook notebook = read(kNotebook);
  auto written = writeNotebook(kNotebook, notebook, notebook.source + "a = 1\nb = 2\n");
  REQUIRE(written);
  CHECK(*written == replaced(kNotebook, "   \"source\": []\n", "   \"source\": [\n    \"a = 1\\n\",\n    \"b = 2\"\n   ]\n"));
}

TEST_CASE("changes that cannot be put back into cells are refused") {
  Notebook notebook = read(kNotebook);
  // A separator lost or gained, the marker line changed.
  CHECK(!writeNotebook(kNotebook, notebook, replaced(notebook.source, "# COMMAND ----------\nx", "x")));
  CHECK(!writeNotebook(kNotebook, notebook, notebook.source + "# COMMAND ----------\n"));
  CHECK(!writeNotebook(kNotebook, notebook, replaced(notebook.source, "# Jupyter", "# Not")));
  // A cell whose own code has a separator line cannot be told from two cells.
  std::string json = replaced(kNotebook, R"("x = 1\ny = 2\n")", R"("x = 1\n# COMMAND ----------\ny = 2\n")");
  Notebook tricky = read(json);
  auto refused = writeNotebook(json, tricky, replaced(tricky.source, "y = 2", "y = 3"));
  REQUIRE(!refused);
  CHECK(refused.error().message.find("left as it is") != std::string::npos);
}
