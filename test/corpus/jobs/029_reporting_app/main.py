# corpus: style=multi-module
# corpus: expect=remains reason="SPK005/SPK501/SPK502 the SparkContext and SQLContext live on self and the SQLContext is passed to a loader module: no rewrite"
"""Regional sales report: a class holds the session; a loader returns a dict of DataFrames."""
import logging

from app import ReportApp

logging.basicConfig(level=logging.WARNING)

if __name__ == "__main__":
    app = ReportApp("regional-report")
    try:
        app.run()
    finally:
        app.close()
