# corpus: style=multi-module
# corpus: expect=remains reason="SPK001/SPK101: the base-class property `sc` returning self.spark.sparkContext is not followed to the session"
"""Entry point: the job class lives in jobs.py and extends the base class in base.py."""
from jobs import ReturnsJob


if __name__ == "__main__":
    ReturnsJob(app_name="returns-report").run()
