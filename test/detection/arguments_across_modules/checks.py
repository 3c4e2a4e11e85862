# Reusable checks: they never import pyspark and their parameters have no
# conventional names; what main.py passes them says what they hold.


def require_rows(table, label):
    if table.toJSON().isEmpty():  # error: [SPK401]
        raise ValueError(f"no {label}")


def export_lines(rows):
    return rows.toJSON().collect()  # error: [SPK401]


def preview(frame=None):
    return frame.toJSON().take(2)  # error: [SPK401]


def narrowed(table):
    return table.select("order_id")


def window(table, size):
    # Reached through an own-module call: narrowed() returns what it is given.
    return narrowed(table).toJSON().take(size)  # error: [SPK401]


def describe(thing):
    # Passed a DataFrame by one caller and a Report by another: not known.
    return thing.toJSON()


def unused(table):
    # Nobody calls it: nothing is known about `table`.
    return table.toJSON()
