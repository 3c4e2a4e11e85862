from pyspark.sql import functions as F


def run(spark):
    enrollments = [("ana", "math"), ("bo", "art"), ("ana", "physics"), ("cy", "math"), ("bo", "history"), ("ana", "art")]
    df = spark.createDataFrame(enrollments, ["student", "course"])
    by_student = df.groupBy("student").agg(F.sort_array(F.collect_list("course")).alias("courses"))
    return {r.student: list(r.courses) for r in by_student.collect()}
