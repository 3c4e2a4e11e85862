# sparkmigrate-test: platform=databricks
# Fixture for SPK912 (JVM-backed libraries on serverless / Databricks Connect).
import mosaic as mos  # error: [SPK912]
from sparkdl import DeepImageFeaturizer  # error: [SPK912]
import sparknlp  # error: [SPK912]
from sparknlp.annotator import Tokenizer  # error: [SPK912]
from synapse.ml.lightgbm import LightGBMClassifier  # error: [SPK912]
from synapse import ml  # error: [SPK912]
import mosaicml_helpers  # ok: a different package
import pandas as pd  # ok

mos.enable_mosaic(spark, dbutils)
