"""A tiny stand-in for sklearn.preprocessing.StandardScaler (same attribute names)."""
import pandas as pd


class StandardScaler:
    def __init__(self, with_mean=True, with_std=True):
        self.with_mean = with_mean
        self.with_std = with_std

    def get_params(self):
        return {"with_mean": self.with_mean, "with_std": self.with_std}

    def fit(self, frame):
        self.mean_ = list(frame.mean())
        self.scale_ = list(frame.std(ddof=0))
        self.columns_ = list(frame.columns)
        return self

    def transform(self, frame):
        out = {}
        for col, mean, scale in zip(self.columns_, self.mean_, self.scale_):
            values = frame[col] - (mean if self.with_mean else 0.0)
            out[col] = (values / scale if self.with_std else values).round(4)
        return pd.DataFrame(out)

    def fit_transform(self, frame):
        return self.fit(frame).transform(frame)
