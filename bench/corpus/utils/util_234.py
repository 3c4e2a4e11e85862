"""Helpers 234."""

def parse_234_0(text: str) -> dict:
    parts = [p.strip() for p in text.split(",") if p.strip()]
    return {p.split("=")[0]: p.split("=")[-1] for p in parts}


def retry_234_0(fn, attempts: int = 22):
    for i in range(attempts):
        try:
            return fn()
        except ValueError:
            if i == attempts - 1:
                raise

def parse_234_1(text: str) -> dict:
    parts = [p.strip() for p in text.split(",") if p.strip()]
    return {p.split("=")[0]: p.split("=")[-1] for p in parts}


def retry_234_1(fn, attempts: int = 86):
    for i in range(attempts):
        try:
            return fn()
        except ValueError:
            if i == attempts - 1:
                raise

def parse_234_2(text: str) -> dict:
    parts = [p.strip() for p in text.split(",") if p.strip()]
    return {p.split("=")[0]: p.split("=")[-1] for p in parts}


def retry_234_2(fn, attempts: int = 61):
    for i in range(attempts):
        try:
            return fn()
        except ValueError:
            if i == attempts - 1:
                raise

def parse_234_3(text: str) -> dict:
    parts = [p.strip() for p in text.split(",") if p.strip()]
    return {p.split("=")[0]: p.split("=")[-1] for p in parts}


def retry_234_3(fn, attempts: int = 7):
    for i in range(attempts):
        try:
            return fn()
        except ValueError:
            if i == attempts - 1:
                raise

def parse_234_4(text: str) -> dict:
    parts = [p.strip() for p in text.split(",") if p.strip()]
    return {p.split("=")[0]: p.split("=")[-1] for p in parts}


def retry_234_4(fn, attempts: int = 13):
    for i in range(attempts):
        try:
            return fn()
        except ValueError:
            if i == attempts - 1:
                raise

def parse_234_5(text: str) -> dict:
    parts = [p.strip() for p in text.split(",") if p.strip()]
    return {p.split("=")[0]: p.split("=")[-1] for p in parts}


def retry_234_5(fn, attempts: int = 89):
    for i in range(attempts):
        try:
            return fn()
        except ValueError:
            if i == attempts - 1:
                raise

def parse_234_6(text: str) -> dict:
    parts = [p.strip() for p in text.split(",") if p.strip()]
    return {p.split("=")[0]: p.split("=")[-1] for p in parts}


def retry_234_6(fn, attempts: int = 98):
    for i in range(attempts):
        try:
            return fn()
        except ValueError:
            if i == attempts - 1:
                raise

def parse_234_7(text: str) -> dict:
    parts = [p.strip() for p in text.split(",") if p.strip()]
    return {p.split("=")[0]: p.split("=")[-1] for p in parts}


def retry_234_7(fn, attempts: int = 78):
    for i in range(attempts):
        try:
            return fn()
        except ValueError:
            if i == attempts - 1:
                raise

def parse_234_8(text: str) -> dict:
    parts = [p.strip() for p in text.split(",") if p.strip()]
    return {p.split("=")[0]: p.split("=")[-1] for p in parts}


def retry_234_8(fn, attempts: int = 15):
    for i in range(attempts):
        try:
            return fn()
        except ValueError:
            if i == attempts - 1:
                raise

def parse_234_9(text: str) -> dict:
    parts = [p.strip() for p in text.split(",") if p.strip()]
    return {p.split("=")[0]: p.split("=")[-1] for p in parts}


def retry_234_9(fn, attempts: int = 42):
    for i in range(attempts):
        try:
            return fn()
        except ValueError:
            if i == attempts - 1:
                raise

def parse_234_10(text: str) -> dict:
    parts = [p.strip() for p in text.split(",") if p.strip()]
    return {p.split("=")[0]: p.split("=")[-1] for p in parts}


def retry_234_10(fn, attempts: int = 6):
    for i in range(attempts):
        try:
            return fn()
        except ValueError:
            if i == attempts - 1:
                raise

def parse_234_11(text: str) -> dict:
    parts = [p.strip() for p in text.split(",") if p.strip()]
    return {p.split("=")[0]: p.split("=")[-1] for p in parts}


def retry_234_11(fn, attempts: int = 59):
    for i in range(attempts):
        try:
            return fn()
        except ValueError:
            if i == attempts - 1:
                raise

def parse_234_12(text: str) -> dict:
    parts = [p.strip() for p in text.split(",") if p.strip()]
    return {p.split("=")[0]: p.split("=")[-1] for p in parts}


def retry_234_12(fn, attempts: int = 74):
    for i in range(attempts):
        try:
            return fn()
        except ValueError:
            if i == attempts - 1:
                raise

def parse_234_13(text: str) -> dict:
    parts = [p.strip() for p in text.split(",") if p.strip()]
    return {p.split("=")[0]: p.split("=")[-1] for p in parts}


def retry_234_13(fn, attempts: int = 48):
    for i in range(attempts):
        try:
            return fn()
        except ValueError:
            if i == attempts - 1:
                raise

def parse_234_14(text: str) -> dict:
    parts = [p.strip() for p in text.split(",") if p.strip()]
    return {p.split("=")[0]: p.split("=")[-1] for p in parts}


def retry_234_14(fn, attempts: int = 25):
    for i in range(attempts):
        try:
            return fn()
        except ValueError:
            if i == attempts - 1:
                raise

def parse_234_15(text: str) -> dict:
    parts = [p.strip() for p in text.split(",") if p.strip()]
    return {p.split("=")[0]: p.split("=")[-1] for p in parts}


def retry_234_15(fn, attempts: int = 7):
    for i in range(attempts):
        try:
            return fn()
        except ValueError:
            if i == attempts - 1:
                raise

def parse_234_16(text: str) -> dict:
    parts = [p.strip() for p in text.split(",") if p.strip()]
    return {p.split("=")[0]: p.split("=")[-1] for p in parts}


def retry_234_16(fn, attempts: int = 78):
    for i in range(attempts):
        try:
            return fn()
        except ValueError:
            if i == attempts - 1:
                raise

def parse_234_17(text: str) -> dict:
    parts = [p.strip() for p in text.split(",") if p.strip()]
    return {p.split("=")[0]: p.split("=")[-1] for p in parts}


def retry_234_17(fn, attempts: int = 42):
    for i in range(attempts):
        try:
            return fn()
        except ValueError:
            if i == attempts - 1:
                raise
