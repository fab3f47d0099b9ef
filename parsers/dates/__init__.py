"""One vocabulary and one stamp grammar for every handler.

``vocabulary``    zone words (with their IANA names), am/pm spellings, noon/midnight, fillers,
                  ordinals, time units, edit and page-date words;
``names``         month and weekday names of 30 languages (from ``names_data``, generated
                  from dateparser's locale data by ``generate_names``), looked up by word;
``grammar``       regex parts composed from both (``HM``, ``HM_SPACED``, ``HM_FOUR``,
                  ``AMPM_LATIN``, ``ZONE``, ``YEAR``...) and shared matchers (``WEEKDAY_RE``,
                  ``STAMP_START``, ``CAPTURE_PREFIX_RE``);
``relative``      relative ages (``2h ago``, ``vor 5 Minuten``) and Unix epochs;
``match_minutes`` positions in a sports match (``45+2'``, ``HT``), never clock times.

The readers built on them live in :mod:`parsers.timestamps`: ``parse_stamp`` (a stamp
anywhere in a short text), ``stamp_at`` (the stamp a line starts with), both with ``weak``
for four bare digits in a stamp position. Nothing here imports dateparser: start-up and the
hot path stay fast.
"""
