"""One vocabulary and one stamp grammar for every handler.

``vocabulary``   zone words, am/pm spellings, noon/midnight, fillers, ordinals, time units;
``names``        month and weekday names of many languages (from ``names_data``, generated
                 from dateparser's locale data by ``generate_names``);
``grammar``      regex parts composed from both, compiled once;
``relative``     relative ages (``2h ago``, ``vor 5 Minuten``) and Unix epochs;
``match_minutes`` positions in a sports match (``45+2'``, ``HT``), never clock times.

Nothing here imports dateparser: start-up and the hot path stay fast.
"""
