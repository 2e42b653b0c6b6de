"""The reduction inside the user's engine: pandas, Polars, PyArrow, DuckDB, Dask, PySpark, Ibis.

The heavy step of a tension series (keep the dyads' events, score them, group them by dyad
and period, add them up) runs where the events are; only the small cells table (one row
per dyad and period) comes back as pandas, and the grid, the index and everything after
it are the same code for every engine. Modules: :mod:`.inputs` (what is accepted, the
canonical columns), :mod:`.sources` (Parquet paths), :mod:`.tables` (lookup tables inside
the engine), :mod:`.periods` (period keys by epoch arithmetic), :mod:`.plan` (the narwhals
plan), :mod:`.cells` (the result and its errors), :mod:`.reduce` (dispatch).
"""

from .reduce import reduce_cells, reduce_frame

__all__ = ["reduce_cells", "reduce_frame"]
