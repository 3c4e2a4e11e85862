import os
import tempfile

CONFIGS = {
    "billing.ini": "[billing]\nretries=3\ntimeout=30\n",
    "search.ini": "[search]\nreplicas=2\n",
    "auth.ini": "[auth]\nttl=3600\nissuer=corp\nrotate=true\n",
}


def run(spark):
    folder = tempfile.mkdtemp()
    for name, body in CONFIGS.items():
        with open(os.path.join(folder, name), "w") as fh:
            fh.write(body)
    files = spark.sparkContext.wholeTextFiles(folder)
    keys = files.map(lambda kv: (os.path.basename(kv[0]), kv[1].count("=")))
    return sorted(keys.collect())
