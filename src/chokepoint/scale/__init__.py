"""Dask runners that execute the same kernels partition by partition."""
