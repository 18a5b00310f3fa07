"""Allow ``python -m backbreak``."""

import sys

from backbreak.app import main

sys.exit(main())
