"""AIS readers, tracks and vessel identity, evasion event detectors, sanctions tie-in and risk.

See docs/maritime.md. Entry points: :func:`chokepoint.maritime.ingest.read_inputs`,
:func:`chokepoint.maritime.pipeline.detect_events`, :func:`chokepoint.maritime.analysis.analyse`.
"""
