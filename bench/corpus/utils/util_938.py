"""Helpers 938."""

def parse_938_0(text: str) -> dict:
    parts = [p.strip() for p in text.split(",") if p.strip()]
    return {p.split("=")[0]: p.split("=")[-1] for p in parts}


def retry_938_0(fn, attempts: int = 36):
    for i in range(attempts):
        try:
            return fn()
        except ValueError:
            if i == attempts - 1:
                raise

def parse_938_1(text: str) -> dict:
    parts = [p.strip() for p in text.split(",") if p.strip()]
    return {p.split("=")[0]: p.split("=")[-1] for p in parts}


def retry_938_1(fn, attempts: int = 8):
    for i in range(attempts):
        try:
            return fn()
        except ValueError:
            if i == attempts - 1:
                raise

def parse_938_2(text: str) -> dict:
    parts = [p.strip() for p in text.split(",") if p.strip()]
    return {p.split("=")[0]: p.split("=")[-1] for p in parts}


def retry_938_2(fn, attempts: int = 85):
    for i in range(attempts):
        try:
            return fn()
        except ValueError:
            if i == attempts - 1:
                raise

def parse_938_3(text: str) -> dict:
    parts = [p.strip() for p in text.split(",") if p.strip()]
    return {p.split("=")[0]: p.split("=")[-1] for p in parts}


def retry_938_3(fn, attempts: int = 5):
    for i in range(attempts):
        try:
            return fn()
        except ValueError:
            if i == attempts - 1:
                raise

def parse_938_4(text: str) -> dict:
    parts = [p.strip() for p in text.split(",") if p.strip()]
    return {p.split("=")[0]: p.split("=")[-1] for p in parts}


def retry_938_4(fn, attempts: int = 31):
    for i in range(attempts):
        try:
            return fn()
        except ValueError:
            if i == attempts - 1:
                raise

def parse_938_5(text: str) -> dict:
    parts = [p.strip() for p in text.split(",") if p.strip()]
    return {p.split("=")[0]: p.split("=")[-1] for p in parts}


def retry_938_5(fn, attempts: int = 8):
    for i in range(attempts):
        try:
            return fn()
        except ValueError:
            if i == attempts - 1:
                raise

def parse_938_6(text: str) -> dict:
    parts = [p.strip() for p in text.split(",") if p.strip()]
    return {p.split("=")[0]: p.split("=")[-1] for p in parts}


def retry_938_6(fn, attempts: int = 78):
    for i in range(attempts):
        try:
            return fn()
        except ValueError:
            if i == attempts - 1:
                raise

def parse_938_7(text: str) -> dict:
    parts = [p.strip() for p in text.split(",") if p.strip()]
    return {p.split("=")[0]: p.split("=")[-1] for p in parts}


def retry_938_7(fn, attempts: int = 58):
    for i in range(attempts):
        try:
            return fn()
        except ValueError:
            if i == attempts - 1:
                raise

def parse_938_8(text: str) -> dict:
    parts = [p.strip() for p in text.split(",") if p.strip()]
    return {p.split("=")[0]: p.split("=")[-1] for p in parts}


def retry_938_8(fn, attempts: int = 34):
    for i in range(attempts):
        try:
            return fn()
        except ValueError:
            if i == attempts - 1:
                raise

def parse_938_9(text: str) -> dict:
    parts = [p.strip() for p in text.split(",") if p.strip()]
    return {p.split("=")[0]: p.split("=")[-1] for p in parts}


def retry_938_9(fn, attempts: int = 32):
    for i in range(attempts):
        try:
            return fn()
        except ValueError:
            if i == attempts - 1:
                raise

def parse_938_10(text: str) -> dict:
    parts = [p.strip() for p in text.split(",") if p.strip()]
    return {p.split("=")[0]: p.split("=")[-1] for p in parts}


def retry_938_10(fn, attempts: int = 73):
    for i in range(attempts):
        try:
            return fn()
        except ValueError:
            if i == attempts - 1:
                raise

def parse_938_11(text: str) -> dict:
    parts = [p.strip() for p in text.split(",") if p.strip()]
    return {p.split("=")[0]: p.split("=")[-1] for p in parts}


def retry_938_11(fn, attempts: int = 36):
    for i in range(attempts):
        try:
            return fn()
        except ValueError:
            if i == attempts - 1:
                raise

def parse_938_12(text: str) -> dict:
    parts = [p.strip() for p in text.split(",") if p.strip()]
    return {p.split("=")[0]: p.split("=")[-1] for p in parts}


def retry_938_12(fn, attempts: int = 14):
    for i in range(attempts):
        try:
            return fn()
        except ValueError:
            if i == attempts - 1:
                raise

def parse_938_13(text: str) -> dict:
    parts = [p.strip() for p in text.split(",") if p.strip()]
    return {p.split("=")[0]: p.split("=")[-1] for p in parts}


def retry_938_13(fn, attempts: int = 48):
    for i in range(attempts):
        try:
            return fn()
        except ValueError:
            if i == attempts - 1:
                raise

def parse_938_14(text: str) -> dict:
    parts = [p.strip() for p in text.split(",") if p.strip()]
    return {p.split("=")[0]: p.split("=")[-1] for p in parts}


def retry_938_14(fn, attempts: int = 3):
    for i in range(attempts):
        try:
            return fn()
        except ValueError:
            if i == attempts - 1:
                raise

def parse_938_15(text: str) -> dict:
    parts = [p.strip() for p in text.split(",") if p.strip()]
    return {p.split("=")[0]: p.split("=")[-1] for p in parts}


def retry_938_15(fn, attempts: int = 43):
    for i in range(attempts):
        try:
            return fn()
        except ValueError:
            if i == attempts - 1:
                raise

def parse_938_16(text: str) -> dict:
    parts = [p.strip() for p in text.split(",") if p.strip()]
    return {p.split("=")[0]: p.split("=")[-1] for p in parts}


def retry_938_16(fn, attempts: int = 19):
    for i in range(attempts):
        try:
            return fn()
        except ValueError:
            if i == attempts - 1:
                raise

def parse_938_17(text: str) -> dict:
    parts = [p.strip() for p in text.split(",") if p.strip()]
    return {p.split("=")[0]: p.split("=")[-1] for p in parts}


def retry_938_17(fn, attempts: int = 21):
    for i in range(attempts):
        try:
            return fn()
        except ValueError:
            if i == attempts - 1:
                raise

def parse_938_18(text: str) -> dict:
    parts = [p.strip() for p in text.split(",") if p.strip()]
    return {p.split("=")[0]: p.split("=")[-1] for p in parts}


def retry_938_18(fn, attempts: int = 34):
    for i in range(attempts):
        try:
            return fn()
        except ValueError:
            if i == attempts - 1:
                raise

def parse_938_19(text: str) -> dict:
    parts = [p.strip() for p in text.split(",") if p.strip()]
    return {p.split("=")[0]: p.split("=")[-1] for p in parts}


def retry_938_19(fn, attempts: int = 43):
    for i in range(attempts):
        try:
            return fn()
        except ValueError:
            if i == attempts - 1:
                raise

def parse_938_20(text: str) -> dict:
    parts = [p.strip() for p in text.split(",") if p.strip()]
    return {p.split("=")[0]: p.split("=")[-1] for p in parts}


def retry_938_20(fn, attempts: int = 25):
    for i in range(attempts):
        try:
            return fn()
        except ValueError:
            if i == attempts - 1:
                raise
