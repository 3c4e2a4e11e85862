"""Logging through the driver's log4j, as the old driver code did."""
from py4j.java_gateway import java_import


def jvm_logger(spark, name):
    java_import(spark._jvm, "org.apache.log4j.LogManager")
    return spark._jvm.LogManager.getLogger(name)
