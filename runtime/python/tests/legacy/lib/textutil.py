"""Helper module of the files_and_jobs.py legacy job, shipped with sc.addPyFile."""


def shout(text):
    return text.upper() + "!"
