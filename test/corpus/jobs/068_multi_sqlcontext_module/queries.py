VISITS = [("home", "u1"), ("pricing", "u2"), ("home", "u3"), ("docs", "u1"), ("home", "u2")]


def load_visits(sqlContext):
    return sqlContext.createDataFrame(VISITS, ["page", "user"])


def visits_per_page(sqlContext):
    rows = sqlContext.sql("SELECT page, count(*) AS n FROM b068_visits GROUP BY page ORDER BY n DESC, page").collect()
    return [(r.page, r.n) for r in rows]
