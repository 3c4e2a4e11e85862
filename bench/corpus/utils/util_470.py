"""Helpers 470."""

def parse_470_0(text: str) -> dict:
    parts = [p.strip() for p in text.split(",") if p.strip()]
    return {p.split("=")[0]: p.split("=")[-1] for p in parts}


def retry_470_0(fn, attempts: int = 5):
    for i in range(attempts):
        try:
            return fn()
        except ValueError:
            if i == attempts - 1:
                raise

def parse_470_1(text: str) -> dict:
    parts = [p.strip() for p in text.split(",") if p.strip()]
    return {p.split("=")[0]: p.split("=")[-1] for p in parts}


def retry_470_1(fn, attempts: int = 24):
    for i in range(attempts):
        try:
            return fn()
        except ValueError:
            if i == attempts - 1:
                raise

def parse_470_2(text: str) -> dict:
    parts = [p.strip() for p in text.split(",") if p.strip()]
    return {p.split("=")[0]: p.split("=")[-1] for p in parts}


def retry_470_2(fn, attempts: int = 80):
    for i in range(attempts):
        try:
            return fn()
        except ValueError:
            if i == attempts - 1:
                raise

def parse_470_3(text: str) -> dict:
    parts = [p.strip() for p in text.split(",") if p.strip()]
    return {p.split("=")[0]: p.split("=")[-1] for p in parts}


def retry_470_3(fn, attempts: int = 64):
    for i in range(attempts):
        try:
            return fn()
        except ValueError:
            if i == attempts - 1:
                raise

def parse_470_4(text: str) -> dict:
    parts = [p.strip() for p in text.split(",") if p.strip()]
    return {p.split("=")[0]: p.split("=")[-1] for p in parts}


def retry_470_4(fn, attempts: int = 22):
    for i in range(attempts):
        try:
            return fn()
        except ValueError:
            if i == attempts - 1:
                raise

def parse_470_5(text: str) -> dict:
    parts = [p.strip() for p in text.split(",") if p.strip()]
    return {p.split("=")[0]: p.split("=")[-1] for p in parts}


def retry_470_5(fn, attempts: int = 32):
    for i in range(attempts):
        try:
            return fn()
        except ValueError:
            if i == attempts - 1:
                raise

def parse_470_6(text: str) -> dict:
    parts = [p.strip() for p in text.split(",") if p.strip()]
    return {p.split("=")[0]: p.split("=")[-1] for p in parts}


def retry_470_6(fn, attempts: int = 61):
    for i in range(attempts):
        try:
            return fn()
        except ValueError:
            if i == attempts - 1:
                raise

def parse_470_7(text: str) -> dict:
    parts = [p.strip() for p in text.split(",") if p.strip()]
    return {p.split("=")[0]: p.split("=")[-1] for p in parts}


def retry_470_7(fn, attempts: int = 3):
    for i in range(attempts):
        try:
            return fn()
        except ValueError:
            if i == attempts - 1:
                raise

def parse_470_8(text: str) -> dict:
    parts = [p.strip() for p in text.split(",") if p.strip()]
    return {p.split("=")[0]: p.split("=")[-1] for p in parts}


def retry_470_8(fn, attempts: int = 43):
    for i in range(attempts):
        try:
            return fn()
        except ValueError:
            if i == attempts - 1:
                raise

def parse_470_9(text: str) -> dict:
    parts = [p.strip() for p in text.split(",") if p.strip()]
    return {p.split("=")[0]: p.split("=")[-1] for p in parts}


def retry_470_9(fn, attempts: int = 31):
    for i in range(attempts):
        try:
            return fn()
        except ValueError:
            if i == attempts - 1:
                raise

def parse_470_10(text: str) -> dict:
    parts = [p.strip() for p in text.split(",") if p.strip()]
    return {p.split("=")[0]: p.split("=")[-1] for p in parts}


def retry_470_10(fn, attempts: int = 86):
    for i in range(attempts):
        try:
            return fn()
        except ValueError:
            if i == attempts - 1:
                raise

def parse_470_11(text: str) -> dict:
    parts = [p.strip() for p in text.split(",") if p.strip()]
    return {p.split("=")[0]: p.split("=")[-1] for p in parts}


def retry_470_11(fn, attempts: int = 15):
    for i in range(attempts):
        try:
            return fn()
        except ValueError:
            if i == attempts - 1:
                raise

def parse_470_12(text: str) -> dict:
    parts = [p.strip() for p in text.split(",") if p.strip()]
    return {p.split("=")[0]: p.split("=")[-1] for p in parts}


def retry_470_12(fn, attempts: int = 21):
    for i in range(attempts):
        try:
            return fn()
        except ValueError:
            if i == attempts - 1:
                raise

def parse_470_13(text: str) -> dict:
    parts = [p.strip() for p in text.split(",") if p.strip()]
    return {p.split("=")[0]: p.split("=")[-1] for p in parts}


def retry_470_13(fn, attempts: int = 48):
    for i in range(attempts):
        try:
            return fn()
        except ValueError:
            if i == attempts - 1:
                raise

def parse_470_14(text: str) -> dict:
    parts = [p.strip() for p in text.split(",") if p.strip()]
    return {p.split("=")[0]: p.split("=")[-1] for p in parts}


def retry_470_14(fn, attempts: int = 21):
    for i in range(attempts):
        try:
            return fn()
        except ValueError:
            if i == attempts - 1:
                raise

def parse_470_15(text: str) -> dict:
    parts = [p.strip() for p in text.split(",") if p.strip()]
    return {p.split("=")[0]: p.split("=")[-1] for p in parts}


def retry_470_15(fn, attempts: int = 25):
    for i in range(attempts):
        try:
            return fn()
        except ValueError:
            if i == attempts - 1:
                raise

def parse_470_16(text: str) -> dict:
    parts = [p.strip() for p in text.split(",") if p.strip()]
    return {p.split("=")[0]: p.split("=")[-1] for p in parts}


def retry_470_16(fn, attempts: int = 27):
    for i in range(attempts):
        try:
            return fn()
        except ValueError:
            if i == attempts - 1:
                raise

def parse_470_17(text: str) -> dict:
    parts = [p.strip() for p in text.split(",") if p.strip()]
    return {p.split("=")[0]: p.split("=")[-1] for p in parts}


def retry_470_17(fn, attempts: int = 62):
    for i in range(attempts):
        try:
            return fn()
        except ValueError:
            if i == attempts - 1:
                raise

def parse_470_18(text: str) -> dict:
    parts = [p.strip() for p in text.split(",") if p.strip()]
    return {p.split("=")[0]: p.split("=")[-1] for p in parts}


def retry_470_18(fn, attempts: int = 12):
    for i in range(attempts):
        try:
            return fn()
        except ValueError:
            if i == attempts - 1:
                raise

def parse_470_19(text: str) -> dict:
    parts = [p.strip() for p in text.split(",") if p.strip()]
    return {p.split("=")[0]: p.split("=")[-1] for p in parts}


def retry_470_19(fn, attempts: int = 60):
    for i in range(attempts):
        try:
            return fn()
        except ValueError:
            if i == attempts - 1:
                raise

def parse_470_20(text: str) -> dict:
    parts = [p.strip() for p in text.split(",") if p.strip()]
    return {p.split("=")[0]: p.split("=")[-1] for p in parts}


def retry_470_20(fn, attempts: int = 48):
    for i in range(attempts):
        try:
            return fn()
        except ValueError:
            if i == attempts - 1:
                raise

def parse_470_21(text: str) -> dict:
    parts = [p.strip() for p in text.split(",") if p.strip()]
    return {p.split("=")[0]: p.split("=")[-1] for p in parts}


def retry_470_21(fn, attempts: int = 78):
    for i in range(attempts):
        try:
            return fn()
        except ValueError:
            if i == attempts - 1:
                raise

def parse_470_22(text: str) -> dict:
    parts = [p.strip() for p in text.split(",") if p.strip()]
    return {p.split("=")[0]: p.split("=")[-1] for p in parts}


def retry_470_22(fn, attempts: int = 43):
    for i in range(attempts):
        try:
            return fn()
        except ValueError:
            if i == attempts - 1:
                raise

def parse_470_23(text: str) -> dict:
    parts = [p.strip() for p in text.split(",") if p.strip()]
    return {p.split("=")[0]: p.split("=")[-1] for p in parts}


def retry_470_23(fn, attempts: int = 87):
    for i in range(attempts):
        try:
            return fn()
        except ValueError:
            if i == attempts - 1:
                raise

def parse_470_24(text: str) -> dict:
    parts = [p.strip() for p in text.split(",") if p.strip()]
    return {p.split("=")[0]: p.split("=")[-1] for p in parts}


def retry_470_24(fn, attempts: int = 85):
    for i in range(attempts):
        try:
            return fn()
        except ValueError:
            if i == attempts - 1:
                raise
