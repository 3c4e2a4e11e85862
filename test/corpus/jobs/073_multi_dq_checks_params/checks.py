"""Reusable checks; callers pass DataFrames in."""


def require_rows(orders, label):
    if orders.rdd.isEmpty():
        raise ValueError(f"no {label} orders")


def order_ids(orders):
    return orders.rdd.map(lambda r: r.order_id).collect()


def export_lines(orders):
    return orders.toJSON().collect()
