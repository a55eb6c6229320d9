"""What the commands do beyond one report.

Batches of files, the portfolio, diff, init, the plugin scaffold, rule listings, profiling
and the JSON Schemas; each uses the engine and the report, and nothing here uses them back.
"""
