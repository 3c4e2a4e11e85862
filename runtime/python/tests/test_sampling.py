"""Random sampling on the RDD facade (sample, takeSample, randomSplit, sampleByKey) on a real
Spark Connect server, against classic PySpark's own code run locally: classic's samplers
(pyspark.rddsampler) over the facade's partitions as ``glom`` reports them, and classic's
``RDD.takeSample`` itself over those partitions. tests/legacy/sampling.py compares the same
calls with classic local Spark.
"""

from __future__ import annotations

import statistics
import sys
from collections import Counter

import pytest
from pyspark.core.rdd import RDD as ClassicRDD
from pyspark.rddsampler import RDDRangeSampler, RDDSampler, RDDStratifiedSampler

from sparkmigrate_runtime import rdd as rdd_module
from support import records


def classic_sample(partitions: list[list], sampler) -> list:
    """What a classic sampler gives over these partitions, in partition order."""
    return [item for index, part in enumerate(partitions)
            for item in sampler.func(index, iter(part))]


class LocalPartitions:
    """Just enough of a classic RDD for classic ``RDD.takeSample`` to run on local partitions."""

    def __init__(self, partitions: list[list]) -> None:
        self.partitions = partitions

    def getNumPartitions(self) -> int:
        return len(self.partitions)

    def count(self) -> int:
        return sum(len(part) for part in self.partitions)

    def collect(self) -> list:
        return [item for part in self.partitions for item in part]

    def sample(self, withReplacement, fraction, seed=None) -> "LocalPartitions":
        sampler = RDDSampler(withReplacement, fraction, seed)
        return LocalPartitions([list(sampler.func(index, iter(part)))
                                for index, part in enumerate(self.partitions)])


def classic_take_sample(partitions: list[list], with_replacement: bool, num: int, seed: int):
    return ClassicRDD.takeSample(LocalPartitions(partitions), with_replacement, num, seed)


@pytest.fixture
def sources(sc, spark):
    """RDDs from every kind of source whose partitions classic Spark would form alike."""
    return {
        "parallelize(n)": sc.parallelize(range(100), 4),
        "parallelize()": sc.parallelize([f"item-{i}" for i in range(30)]),
        "range": sc.range(0, 500, 3),
        "range(numSlices)": sc.range(50, numSlices=3),
        "df.rdd": spark.range(0, 60, 1, 3).rdd,
        "derived": sc.parallelize(range(40), 3).map(lambda x: (x % 4, x * x)),
    }


def test_sample_draws_what_the_classic_sampler_draws(sources):
    # 25.0: Poisson counts from sums of exponentials, classic's branch for means >= 20
    common = [(False, 0.3, 1), (True, 0.5, 2), (True, 25.0, 4)]
    edges = [(False, 1.0, 3), (False, 0, 5), (True, 0.2, 2**62 + 3)]
    for name, rdd in sources.items():
        partitions = rdd.glom().collect()
        for with_replacement, fraction, seed in common + (edges if name == "derived" else []):
            expected = classic_sample(partitions, RDDSampler(with_replacement, fraction, seed))
            assert rdd.sample(with_replacement, fraction, seed).collect() == expected, (
                name, with_replacement, fraction, seed)
    assert {(r["code"], r["outcome"]) for r in records("RDD.sample")} == {("SPK306", "shimmed")}


def test_take_sample_is_classic_take_sample(sources):
    common = [(False, 5, 1), (True, 8, 2)]
    # num >= count without replacement (a shuffle of everything), more than count with
    # replacement, nothing, one, a seed beyond 32 bits
    edges = [(False, 1000, 5), (True, 150, 6), (False, 0, 7), (False, 1, 3),
             (True, 20, 2**62 + 3)]
    calls = 0
    for name, rdd in sources.items():
        partitions = rdd.glom().collect()
        for with_replacement, num, seed in common + (edges if name == "parallelize(n)" else []):
            expected = classic_take_sample(partitions, with_replacement, num, seed)
            assert rdd.takeSample(with_replacement, num, seed) == expected, (
                name, with_replacement, num, seed)
            calls += 1
    # Each takeSample is one record; its inner count, sample and collect are not recorded.
    assert [r["count"] for r in records("RDD.takeSample")] == [calls]
    assert not records("RDD.count") and not records("RDD.sample")


def test_take_sample_draws_again_like_classic_when_the_first_sample_is_short(sc, monkeypatch):
    rdd = sc.parallelize(range(40), 3)
    partitions = rdd.glom().collect()
    too_small = staticmethod(lambda wanted, total, with_replacement: 0.1)
    monkeypatch.setattr(ClassicRDD, "_computeFractionForSampleSize", too_small)
    monkeypatch.setattr(rdd_module, "_fraction_for_sample_size", too_small.__func__)
    seed, num = 21, 6
    first = classic_sample(partitions, RDDSampler(False, 0.1, seed))
    assert len(first) < num  # so both engines draw again with seeds from their generator
    expected = classic_take_sample(partitions, False, num, seed)
    assert len(expected) == num
    assert rdd.takeSample(False, num, seed) == expected


def test_random_split_and_sample_by_key_are_classic(sc):
    rdd = sc.parallelize(range(60), 3)
    partitions = rdd.glom().collect()
    splits = rdd.randomSplit([1, 2, 1], 17)
    bounds = [(0.0, 0.25), (0.25, 0.75), (0.75, 1.0)]
    assert [part.collect() for part in splits] == [
        classic_sample(partitions, RDDRangeSampler(low, high, 17)) for low, high in bounds]
    assert sorted(x for part in splits for x in part.collect()) == list(range(60))

    pairs = sc.parallelize([(k % 3, k) for k in range(45)], 4)
    pair_partitions = pairs.glom().collect()
    fractions = {0: 0.5, 1: 0.2, 2: 1.0}
    for with_replacement in (False, True):
        sampled = pairs.sampleByKey(with_replacement, fractions, 4).collect()
        assert sampled == classic_sample(
            pair_partitions, RDDStratifiedSampler(with_replacement, fractions, 4))
    assert {r["code"] for r in records() if r["api"] in ("RDD.randomSplit", "RDD.sampleByKey")
            } == {"SPK306"}


def test_arguments_are_checked_like_classic(sc):
    rdd = sc.parallelize(range(10), 2)
    with pytest.raises(ValueError, match="Fraction must be nonnegative"):
        rdd.sample(False, -0.1, 1)
    with pytest.raises(ValueError, match="Sample size cannot be negative"):
        rdd.takeSample(False, -1, 1)
    with pytest.raises(ValueError, match="Sample size cannot be greater than"):
        rdd.takeSample(True, sys.maxsize, 1)
    with pytest.raises(ValueError, match="Weights must be nonnegative"):
        rdd.randomSplit([1, -1])
    with pytest.raises(ValueError, match="Sum of weights must be positive"):
        rdd.randomSplit([0, 0])
    with pytest.raises(AssertionError, match="Negative fraction value"):
        rdd.map(lambda x: (x, x)).sampleByKey(False, {1: -0.5})
    assert sc.emptyRDD().takeSample(False, 3, 1) == []
    assert sc.emptyRDD().sample(True, 2.0, 1).collect() == []


def test_unseeded_samples_are_random_with_the_right_size(sc):
    data = list(range(1000))
    rdd = sc.parallelize(data, 4)
    halves = [rdd.sample(False, 0.5).collect() for _ in range(2)]
    for half in halves:  # binomial(1000, 0.5): sd 15.8, so 400..600 is over 6 sd
        assert 400 <= len(half) <= 600
        assert half == sorted(set(half)) and set(half) <= set(data)
    assert halves[0] != halves[1]
    doubled = rdd.sample(True, 2.0).collect()  # Poisson(2) per element: mean 2000, sd 45
    assert 1700 <= len(doubled) <= 2300 and max(Counter(doubled).values()) >= 3

    taken = rdd.takeSample(False, 10)
    assert len(taken) == 10 and len(set(taken)) == 10 and set(taken) <= set(data)
    repeated = rdd.takeSample(True, 30)
    assert len(repeated) == 30 and set(repeated) <= set(data)
    everything = rdd.takeSample(False, 5000)
    assert sorted(everything) == data and everything != data
    assert rdd.takeSample(False, 10) != taken


def test_spread_statistics_come_from_stats(sc):
    data = [2.5, 4.0, 7.25, 1.0, 9.5, 3.0]
    rdd = sc.parallelize(data, 3)
    assert rdd.variance() == pytest.approx(statistics.pvariance(data))
    assert rdd.stdev() == pytest.approx(statistics.pstdev(data))
    assert rdd.sampleVariance() == pytest.approx(statistics.variance(data))
    assert rdd.sampleStdev() == pytest.approx(statistics.stdev(data))
    assert {r["api"]: r["code"] for r in records() if r["api"].startswith("RDD.")} == {
        "RDD.variance": "SPK306", "RDD.stdev": "SPK306", "RDD.sampleVariance": "SPK306",
        "RDD.sampleStdev": "SPK306"}
