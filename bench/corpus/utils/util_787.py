"""Helpers 787."""

def parse_787_0(text: str) -> dict:
    parts = [p.strip() for p in text.split(",") if p.strip()]
    return {p.split("=")[0]: p.split("=")[-1] for p in parts}


def retry_787_0(fn, attempts: int = 51):
    for i in range(attempts):
        try:
            return fn()
        except ValueError:
            if i == attempts - 1:
                raise

def parse_787_1(text: str) -> dict:
    parts = [p.strip() for p in text.split(",") if p.strip()]
    return {p.split("=")[0]: p.split("=")[-1] for p in parts}


def retry_787_1(fn, attempts: int = 80):
    for i in range(attempts):
        try:
            return fn()
        except ValueError:
            if i == attempts - 1:
                raise

def parse_787_2(text: str) -> dict:
    parts = [p.strip() for p in text.split(",") if p.strip()]
    return {p.split("=")[0]: p.split("=")[-1] for p in parts}


def retry_787_2(fn, attempts: int = 55):
    for i in range(attempts):
        try:
            return fn()
        except ValueError:
            if i == attempts - 1:
                raise

def parse_787_3(text: str) -> dict:
    parts = [p.strip() for p in text.split(",") if p.strip()]
    return {p.split("=")[0]: p.split("=")[-1] for p in parts}


def retry_787_3(fn, attempts: int = 71):
    for i in range(attempts):
        try:
            return fn()
        except ValueError:
            if i == attempts - 1:
                raise

def parse_787_4(text: str) -> dict:
    parts = [p.strip() for p in text.split(",") if p.strip()]
    return {p.split("=")[0]: p.split("=")[-1] for p in parts}


def retry_787_4(fn, attempts: int = 92):
    for i in range(attempts):
        try:
            return fn()
        except ValueError:
            if i == attempts - 1:
                raise

def parse_787_5(text: str) -> dict:
    parts = [p.strip() for p in text.split(",") if p.strip()]
    return {p.split("=")[0]: p.split("=")[-1] for p in parts}


def retry_787_5(fn, attempts: int = 55):
    for i in range(attempts):
        try:
            return fn()
        except ValueError:
            if i == attempts - 1:
                raise

def parse_787_6(text: str) -> dict:
    parts = [p.strip() for p in text.split(",") if p.strip()]
    return {p.split("=")[0]: p.split("=")[-1] for p in parts}


def retry_787_6(fn, attempts: int = 32):
    for i in range(attempts):
        try:
            return fn()
        except ValueError:
            if i == attempts - 1:
                raise

def parse_787_7(text: str) -> dict:
    parts = [p.strip() for p in text.split(",") if p.strip()]
    return {p.split("=")[0]: p.split("=")[-1] for p in parts}


def retry_787_7(fn, attempts: int = 52):
    for i in range(attempts):
        try:
            return fn()
        except ValueError:
            if i == attempts - 1:
                raise

def parse_787_8(text: str) -> dict:
    parts = [p.strip() for p in text.split(",") if p.strip()]
    return {p.split("=")[0]: p.split("=")[-1] for p in parts}


def retry_787_8(fn, attempts: int = 84):
    for i in range(attempts):
        try:
            return fn()
        except ValueError:
            if i == attempts - 1:
                raise

def parse_787_9(text: str) -> dict:
    parts = [p.strip() for p in text.split(",") if p.strip()]
    return {p.split("=")[0]: p.split("=")[-1] for p in parts}


def retry_787_9(fn, attempts: int = 44):
    for i in range(attempts):
        try:
            return fn()
        except ValueError:
            if i == attempts - 1:
                raise

def parse_787_10(text: str) -> dict:
    parts = [p.strip() for p in text.split(",") if p.strip()]
    return {p.split("=")[0]: p.split("=")[-1] for p in parts}


def retry_787_10(fn, attempts: int = 73):
    for i in range(attempts):
        try:
            return fn()
        except ValueError:
            if i == attempts - 1:
                raise

def parse_787_11(text: str) -> dict:
    parts = [p.strip() for p in text.split(",") if p.strip()]
    return {p.split("=")[0]: p.split("=")[-1] for p in parts}


def retry_787_11(fn, attempts: int = 78):
    for i in range(attempts):
        try:
            return fn()
        except ValueError:
            if i == attempts - 1:
                raise

def parse_787_12(text: str) -> dict:
    parts = [p.strip() for p in text.split(",") if p.strip()]
    return {p.split("=")[0]: p.split("=")[-1] for p in parts}


def retry_787_12(fn, attempts: int = 81):
    for i in range(attempts):
        try:
            return fn()
        except ValueError:
            if i == attempts - 1:
                raise

def parse_787_13(text: str) -> dict:
    parts = [p.strip() for p in text.split(",") if p.strip()]
    return {p.split("=")[0]: p.split("=")[-1] for p in parts}


def retry_787_13(fn, attempts: int = 34):
    for i in range(attempts):
        try:
            return fn()
        except ValueError:
            if i == attempts - 1:
                raise

def parse_787_14(text: str) -> dict:
    parts = [p.strip() for p in text.split(",") if p.strip()]
    return {p.split("=")[0]: p.split("=")[-1] for p in parts}


def retry_787_14(fn, attempts: int = 66):
    for i in range(attempts):
        try:
            return fn()
        except ValueError:
            if i == attempts - 1:
                raise

def parse_787_15(text: str) -> dict:
    parts = [p.strip() for p in text.split(",") if p.strip()]
    return {p.split("=")[0]: p.split("=")[-1] for p in parts}


def retry_787_15(fn, attempts: int = 6):
    for i in range(attempts):
        try:
            return fn()
        except ValueError:
            if i == attempts - 1:
                raise

def parse_787_16(text: str) -> dict:
    parts = [p.strip() for p in text.split(",") if p.strip()]
    return {p.split("=")[0]: p.split("=")[-1] for p in parts}


def retry_787_16(fn, attempts: int = 98):
    for i in range(attempts):
        try:
            return fn()
        except ValueError:
            if i == attempts - 1:
                raise

def parse_787_17(text: str) -> dict:
    parts = [p.strip() for p in text.split(",") if p.strip()]
    return {p.split("=")[0]: p.split("=")[-1] for p in parts}


def retry_787_17(fn, attempts: int = 21):
    for i in range(attempts):
        try:
            return fn()
        except ValueError:
            if i == attempts - 1:
                raise

def parse_787_18(text: str) -> dict:
    parts = [p.strip() for p in text.split(",") if p.strip()]
    return {p.split("=")[0]: p.split("=")[-1] for p in parts}


def retry_787_18(fn, attempts: int = 96):
    for i in range(attempts):
        try:
            return fn()
        except ValueError:
            if i == attempts - 1:
                raise

def parse_787_19(text: str) -> dict:
    parts = [p.strip() for p in text.split(",") if p.strip()]
    return {p.split("=")[0]: p.split("=")[-1] for p in parts}


def retry_787_19(fn, attempts: int = 87):
    for i in range(attempts):
        try:
            return fn()
        except ValueError:
            if i == attempts - 1:
                raise

def parse_787_20(text: str) -> dict:
    parts = [p.strip() for p in text.split(",") if p.strip()]
    return {p.split("=")[0]: p.split("=")[-1] for p in parts}


def retry_787_20(fn, attempts: int = 99):
    for i in range(attempts):
        try:
            return fn()
        except ValueError:
            if i == attempts - 1:
                raise

def parse_787_21(text: str) -> dict:
    parts = [p.strip() for p in text.split(",") if p.strip()]
    return {p.split("=")[0]: p.split("=")[-1] for p in parts}


def retry_787_21(fn, attempts: int = 45):
    for i in range(attempts):
        try:
            return fn()
        except ValueError:
            if i == attempts - 1:
                raise

def parse_787_22(text: str) -> dict:
    parts = [p.strip() for p in text.split(",") if p.strip()]
    return {p.split("=")[0]: p.split("=")[-1] for p in parts}


def retry_787_22(fn, attempts: int = 30):
    for i in range(attempts):
        try:
            return fn()
        except ValueError:
            if i == attempts - 1:
                raise
