# sparkmigrate-test: platform=databricks
# Fixture for SPK913 (DBFS mounts).
dbutils.fs.mount(  # info: [SPK913]
    source="wasbs://raw@account.blob.core.windows.net",
    mount_point="/mnt/raw",
    extra_configs={"fs.azure.account.key.account.blob.core.windows.net": "key"},
)
events = spark.read.json("dbfs:/mnt/raw/events/")  # info: [SPK913]
with open("/dbfs/mnt/raw/config.json") as f:  # info: [SPK913]
    config = f.read()
day = "2024-01-01"
daily = spark.read.parquet(f"dbfs:/mnt/curated/daily/{day}")  # info: [SPK913]
dbutils.fs.refreshMounts()  # info: [SPK913]
landing = spark.read.json("/Volumes/main/raw/landing/events/")  # ok: a Unity Catalog volume
files = dbutils.fs.ls("/Volumes/main/raw/landing")  # ok
local = open("/mnt/data/local.txt")  # ok: a local mount, not DBFS
