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

// Calls visit(payload, child) for each child of `node` in order, as a tree
// cursor's goto_first_child and goto_next_sibling reach them (the children of
// hidden nodes in their place), or for the named ones alone, until visit
// returns false. Without a cursor's allocation and its walk back up its stack
// at every step; hidden nodes nest about as deep as the logarithm of a
// repetition's length, and a deeper nesting moves the frames to the heap.
typedef bool (*TSNodeChildVisit)(void *payload, TSNode child);

void ts_node_each_child(TSNode node, bool named_only, TSNodeChildVisit visit, void *payload) {
  NodeChildIterator local[32];
  NodeChildIterator *frames = local;
  uint32_t capacity = 32, depth = 0;
  frames[depth++] = ts_node_iterate_children(&node);
  while (depth > 0) {
    TSNode child;
    if (!ts_node_child_iterator_next(&frames[depth - 1], &child)) {
      depth--;
      continue;
    }
    if (ts_subtree_visible(ts_node__subtree(child)) || ts_node__alias(&child)) {
      if ((!named_only || ts_node_is_named(child)) && !visit(payload, child)) break;
    } else if (ts_subtree_child_count(ts_node__subtree(child)) > 0) {
      if (depth == capacity) {
        NodeChildIterator *grown = ts_malloc(2 * capacity * sizeof(NodeChildIterator));
        memcpy(grown, frames, capacity * sizeof(NodeChildIterator));
        if (frames != local) ts_free(frames);
        frames = grown;
        capacity *= 2;
      }
      frames[depth++] = ts_node_iterate_children(&child);
    }
  }
  if (frames != local) ts_free(frames);
}

// The subtree a node stands for, which two versions of a tree share where the
// code did not change (a node's own id is where its parent keeps it, which
// differs once the parent was parsed again), or NULL for a small subtree
// stored inline.
const void *ts_node_subtree_id(TSNode node) {
  Subtree subtree = ts_node__subtree(node);
  return subtree.data.is_inline ? NULL : (const void *)subtree.ptr;
}
