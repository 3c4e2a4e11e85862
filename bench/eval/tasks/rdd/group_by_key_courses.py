def run(spark):
    sc = spark.sparkContext
    enrollments = [("ana", "math"), ("bo", "art"), ("ana", "physics"), ("cy", "math"), ("bo", "history"), ("ana", "art")]
    by_student = sc.parallelize(enrollments).groupByKey().mapValues(lambda courses: sorted(courses))
    return dict(by_student.collect())
