// Included by cmake/TreeSitterRuntime.cmake after tree-sitter's own sources in
// the runtime's one translation unit, because it needs node.c's private child
// iterator. ts_node_walk_named visits every named node below a node in
// document order with the field it fills, as ts_tree_cursor_current_field_id
// would report it, and its nearest named ancestor: what a tree cursor's walk
// gives, for a fraction of the instructions (a cursor keeps a stack of entries
// and walks it again to find each field). The walk keeps its own stack, so a
// deeply nested file cannot exhaust the thread's.

typedef void (*TSNamedNodeVisit)(void *payload, TSNode node, TSFieldId field, uint32_t parent);

typedef struct {
  NodeChildIterator children;
  const TSFieldMapEntry *fields, *fields_end;  // the parent's production's field map
  TSFieldId inherited;  // the field of a hidden parent, for children its map does not name
  uint32_t parent;      // the nearest named ancestor's position among the visits
} TSNamedWalkFrame;

static void ts_named_walk__push(Array(TSNamedWalkFrame) *stack, TSNode node, TSFieldId inherited,
                                uint32_t parent) {
  TSNamedWalkFrame frame = {ts_node_iterate_children(&node), NULL, NULL, inherited, parent};
  if (frame.children.parent.ptr)
    ts_language_field_map(node.tree->language, frame.children.parent.ptr->production_id, &frame.fields,
                          &frame.fields_end);
  array_push(stack, frame);
}

// Visits `root` (when it is named, with no field and parent UINT32_MAX) and then
// each named node below it; the visits are numbered from 0 in that order.
void ts_node_walk_named(TSNode root, TSNamedNodeVisit visit, void *payload) {
  uint32_t count = 0, top = UINT32_MAX;
  if (ts_node_is_named(root)) {
    visit(payload, root, 0, UINT32_MAX);
    top = count++;
  }
  Array(TSNamedWalkFrame) stack = array_new();
  ts_named_walk__push(&stack, root, 0, top);
  while (stack.size > 0) {
    TSNamedWalkFrame *frame = array_back(&stack);
    uint32_t structural = frame->children.structural_child_index;
    TSNode child;
    if (!ts_node_child_iterator_next(&frame->children, &child)) {
      array_pop(&stack);
      continue;
    }
    Subtree subtree = ts_node__subtree(child);
    TSFieldId field = 0;
    if (!ts_subtree_extra(subtree)) {
      for (const TSFieldMapEntry *entry = frame->fields; entry < frame->fields_end; entry++)
        if (!entry->inherited && entry->child_index == structural) {
          field = entry->field_id;
          break;
        }
      if (!field) field = frame->inherited;
    }
    uint32_t parent = frame->parent;
    bool has_children = ts_subtree_child_count(subtree) > 0;
    if (ts_subtree_visible(subtree) || ts_node__alias(&child)) {
      uint32_t self = parent;
      if (ts_node_is_named(child)) {
        visit(payload, child, field, parent);
        self = count++;
      }
      if (has_children) ts_named_walk__push(&stack, child, 0, self);
    } else if (has_children) {
      ts_named_walk__push(&stack, child, field, parent);
    }
  }
  array_delete(&stack);
}
