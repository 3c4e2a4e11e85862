# Fixture for SPK703 (JVM-backed ML wrappers).
from pyspark import keyword_only
from pyspark.ml import Transformer
from pyspark.ml.param.shared import HasInputCol, HasOutputCol
from pyspark.ml.util import JavaMLReadable, JavaMLWritable, JavaMLWriter
from pyspark.ml.wrapper import JavaEstimator, JavaModel, JavaTransformer
import pyspark.ml.wrapper as wrapper
from pyspark.ml.classification import RandomForestClassificationModel


class Tokenizer(JavaTransformer, HasInputCol, HasOutputCol, JavaMLReadable, JavaMLWritable):  # error: [SPK703]
    @keyword_only
    def __init__(self, inputCol=None, outputCol=None):
        super().__init__()
        self._java_obj = self._new_java_obj("com.example.ml.Tokenizer", self.uid)  # error: [SPK703]

    def vocabulary(self):
        return list(self._java_obj.vocabulary())  # error: [SPK703]


class Ranker(wrapper.JavaEstimator):  # error: [SPK703]
    def _create_model(self, java_model):
        return RankerModel(java_model)


class RankerModel(JavaModel):  # error: [SPK703]
    pass


class TokenizerWriter(JavaMLWriter):  # error: [SPK703]
    pass


def importances(model: RandomForestClassificationModel):
    return model._java_obj.featureImportances().toArray()  # error: [SPK703]


obj = JavaEstimator._new_java_obj("com.example.Estimator")  # error: [SPK703]


class Cleaner(Transformer, HasInputCol, HasOutputCol):  # ok: a pure-Python transformer
    def _transform(self, dataset):
        return dataset.dropna(subset=[self.getInputCol()])


class Holder:
    def __init__(self):
        self._java_obj = None  # ok: a plain attribute, never dereferenced
