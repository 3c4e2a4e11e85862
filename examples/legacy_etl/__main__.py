"""`python -m legacy_etl` (from the examples folder) runs the nightly jobs on tiny local data."""
from legacy_etl.jobs import main

main()
