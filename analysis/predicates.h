// Rule predicates: the `#name?` tests a rule query may use beyond
// tree-sitter's own, in one table (kPredicates in predicates.cpp) of
// {name, arity, how the arguments are read, evaluator}. The query compiler
// (query.cpp) resolves each predicate of a pattern to its row once, when the
// query compiles; a match then calls the row's evaluator directly. Text tests
// (#eq?, #match?, ...) read the source; semantic ones (#kind?, #captures-
// spark?, #no-action?, ...) ask the SemanticModel's rule-agnostic queries
// (kinds, bindings, scopes) and hold the rule knowledge themselves: what
// counts as capturing a session, mutating outer state or running an action.
//
// To add a predicate: write its evaluator and add a row to kPredicates in
// predicates.cpp, then document it in docs/rule-format.md.
#pragma once

#include "analysis/kinds.h"
#include "analysis/semantic.h"

#include <memory>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

namespace sparkmigrate::analysis {

// One argument as written in the query: a capture (its index) or a string.
struct PredicateArg {
  bool isCapture = false;
  std::uint32_t capture = 0;
  std::string text;
};

struct PredicateDef;

// A predicate of one pattern, compiled: its table row and its arguments,
// with a regular expression or kind list already parsed where it takes one.
struct Predicate {
  const PredicateDef* def = nullptr;
  std::vector<PredicateArg> args;
  std::shared_ptr<const std::regex> regex;  // shared by every predicate with the same expression
  std::vector<Kind> kinds;
};

// Resolves `#name` with its arguments: "" and `out` filled, or an error
// message (unknown name, wrong arity, bad regular expression or kind).
std::string compilePredicate(std::string_view name, std::vector<PredicateArg> args, Predicate& out);

// What testing the predicate on its one captured node alone costs, when that
// is less than running a query: 1 it compares the node's text, 2 it asks the
// model memoised facts, 3 it runs a regular expression; 0 it is not to be
// tested that way (it compares two
// captures, or its test is costly). The rule matcher tests such predicates
// before it runs a query at a node, to rule the node out.
int pretestCost(const Predicate& predicate);

// False when the predicate holds at no node of the file: a `#resolves-to?` of
// names that nothing the file imports can reach. True otherwise.
bool predicateMayHoldIn(const Predicate& predicate, const SemanticModel& model);

// True when the predicate holds for the match: for a predicate on a capture,
// for every node that capture captured (and it captured one).
bool predicateHolds(const Predicate& predicate, const TSQueryMatch& match, SemanticModel& model);

// The semantic tests, for rules and for tests of them.
// The function (lambda, def, or a name bound to a def) reads a session-bound
// object (SparkSession, SparkContext, DataFrame, spark.conf, a reader, ...;
// see isSessionBound) bound outside it.
bool capturesOuterSparkObject(SemanticModel& model, TSNode function);
// The node is inside a for/while loop of its function (the iterable and
// target of a `for` are evaluated once, so they are not).
bool insideLoop(TSNode node);
// `name` (an identifier) is assigned in the body of the innermost loop
// enclosing it: assignment, augmented assignment, walrus, nested `for`
// target, and (assignedInEnclosingLoop only) the loop's own target.
bool assignedInEnclosingLoop(SemanticModel& model, TSNode name);
bool reassignedInEnclosingLoop(SemanticModel& model, TSNode name);
// A lambda/def (or a name bound to a def) inside a for loop reads that
// loop's target variable without binding it as a default argument.
bool readsEnclosingLoopVariable(SemanticModel& model, TSNode function);
// The function declares `global`/`nonlocal` names or mutates a container
// bound outside it (`results.append(x)`, `totals[k] = v` on an outer
// list/dict/set).
bool mutatesOuterState(SemanticModel& model, TSNode function);
// The node sits in a `try` body with an ImportError, ModuleNotFoundError,
// Exception, BaseException or bare handler, or under `if TYPE_CHECKING:`.
bool insideImportGuard(SemanticModel& model, TSNode node);
// An earlier `*.createOrReplaceTempView(<same literal>)` (or createTempView,
// registerTempTable) exists in the same function, or both are at module level.
bool viewNameReused(SemanticModel& model, TSNode literal);
// The block calls no DataFrame action (isDataFrameAction, writers, catalog
// calls, `spark.sql(...)`, which Connect analyses eagerly) but does build
// DataFrames.
bool blockHasNoAction(SemanticModel& model, TSNode block);
// `created` (a `builder.create()`, `spark.newSession()` or
// `spark.cloneSession()` call) makes a session whose DataFrames are joined,
// unioned or compared with those of another session in the same top-level
// statement (followed through the assignments inside it).
bool combinedWithAnotherSession(SemanticModel& model, TSNode created);

}  // namespace sparkmigrate::analysis
