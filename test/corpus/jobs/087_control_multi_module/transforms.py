def basket_sizes(lines):
    return lines.groupBy("basket").sum("qty").withColumnRenamed("sum(qty)", "items").orderBy("basket")


def top_products(lines, n):
    totals = lines.groupBy("product").sum("qty").withColumnRenamed("sum(qty)", "qty")
    return [r["product"] for r in totals.orderBy(totals["qty"].desc(), "product").limit(n).collect()]
