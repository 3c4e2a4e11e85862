"""Helpers 770."""

def parse_770_0(text: str) -> dict:
    parts = [p.strip() for p in text.split(",") if p.strip()]
    return {p.split("=")[0]: p.split("=")[-1] for p in parts}


def retry_770_0(fn, attempts: int = 75):
    for i in range(attempts):
        try:
            return fn()
        except ValueError:
            if i == attempts - 1:
                raise

def parse_770_1(text: str) -> dict:
    parts = [p.strip() for p in text.split(",") if p.strip()]
    return {p.split("=")[0]: p.split("=")[-1] for p in parts}


def retry_770_1(fn, attempts: int = 52):
    for i in range(attempts):
        try:
            return fn()
        except ValueError:
            if i == attempts - 1:
                raise

def parse_770_2(text: str) -> dict:
    parts = [p.strip() for p in text.split(",") if p.strip()]
    return {p.split("=")[0]: p.split("=")[-1] for p in parts}


def retry_770_2(fn, attempts: int = 14):
    for i in range(attempts):
        try:
            return fn()
        except ValueError:
            if i == attempts - 1:
                raise

def parse_770_3(text: str) -> dict:
    parts = [p.strip() for p in text.split(",") if p.strip()]
    return {p.split("=")[0]: p.split("=")[-1] for p in parts}


def retry_770_3(fn, attempts: int = 43):
    for i in range(attempts):
        try:
            return fn()
        except ValueError:
            if i == attempts - 1:
                raise

def parse_770_4(text: str) -> dict:
    parts = [p.strip() for p in text.split(",") if p.strip()]
    return {p.split("=")[0]: p.split("=")[-1] for p in parts}


def retry_770_4(fn, attempts: int = 77):
    for i in range(attempts):
        try:
            return fn()
        except ValueError:
            if i == attempts - 1:
                raise

def parse_770_5(text: str) -> dict:
    parts = [p.strip() for p in text.split(",") if p.strip()]
    return {p.split("=")[0]: p.split("=")[-1] for p in parts}


def retry_770_5(fn, attempts: int = 48):
    for i in range(attempts):
        try:
            return fn()
        except ValueError:
            if i == attempts - 1:
                raise

def parse_770_6(text: str) -> dict:
    parts = [p.strip() for p in text.split(",") if p.strip()]
    return {p.split("=")[0]: p.split("=")[-1] for p in parts}


def retry_770_6(fn, attempts: int = 33):
    for i in range(attempts):
        try:
            return fn()
        except ValueError:
            if i == attempts - 1:
                raise

def parse_770_7(text: str) -> dict:
    parts = [p.strip() for p in text.split(",") if p.strip()]
    return {p.split("=")[0]: p.split("=")[-1] for p in parts}


def retry_770_7(fn, attempts: int = 63):
    for i in range(attempts):
        try:
            return fn()
        except ValueError:
            if i == attempts - 1:
                raise

def parse_770_8(text: str) -> dict:
    parts = [p.strip() for p in text.split(",") if p.strip()]
    return {p.split("=")[0]: p.split("=")[-1] for p in parts}


def retry_770_8(fn, attempts: int = 8):
    for i in range(attempts):
        try:
            return fn()
        except ValueError:
            if i == attempts - 1:
                raise

def parse_770_9(text: str) -> dict:
    parts = [p.strip() for p in text.split(",") if p.strip()]
    return {p.split("=")[0]: p.split("=")[-1] for p in parts}


def retry_770_9(fn, attempts: int = 2):
    for i in range(attempts):
        try:
            return fn()
        except ValueError:
            if i == attempts - 1:
                raise

def parse_770_10(text: str) -> dict:
    parts = [p.strip() for p in text.split(",") if p.strip()]
    return {p.split("=")[0]: p.split("=")[-1] for p in parts}


def retry_770_10(fn, attempts: int = 53):
    for i in range(attempts):
        try:
            return fn()
        except ValueError:
            if i == attempts - 1:
                raise

def parse_770_11(text: str) -> dict:
    parts = [p.strip() for p in text.split(",") if p.strip()]
    return {p.split("=")[0]: p.split("=")[-1] for p in parts}


def retry_770_11(fn, attempts: int = 97):
    for i in range(attempts):
        try:
            return fn()
        except ValueError:
            if i == attempts - 1:
                raise

def parse_770_12(text: str) -> dict:
    parts = [p.strip() for p in text.split(",") if p.strip()]
    return {p.split("=")[0]: p.split("=")[-1] for p in parts}


def retry_770_12(fn, attempts: int = 48):
    for i in range(attempts):
        try:
            return fn()
        except ValueError:
            if i == attempts - 1:
                raise

def parse_770_13(text: str) -> dict:
    parts = [p.strip() for p in text.split(",") if p.strip()]
    return {p.split("=")[0]: p.split("=")[-1] for p in parts}


def retry_770_13(fn, attempts: int = 91):
    for i in range(attempts):
        try:
            return fn()
        except ValueError:
            if i == attempts - 1:
                raise

def parse_770_14(text: str) -> dict:
    parts = [p.strip() for p in text.split(",") if p.strip()]
    return {p.split("=")[0]: p.split("=")[-1] for p in parts}


def retry_770_14(fn, attempts: int = 50):
    for i in range(attempts):
        try:
            return fn()
        except ValueError:
            if i == attempts - 1:
                raise

def parse_770_15(text: str) -> dict:
    parts = [p.strip() for p in text.split(",") if p.strip()]
    return {p.split("=")[0]: p.split("=")[-1] for p in parts}


def retry_770_15(fn, attempts: int = 23):
    for i in range(attempts):
        try:
            return fn()
        except ValueError:
            if i == attempts - 1:
                raise
