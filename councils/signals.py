"""What councils tells the apps above it, so that councils imports none of them.

`local_council_saved` is sent (with `council=`) after a lokalråd was created or saved in the
admin, inside the same transaction. The plans app answers by giving the lokalråd its assignments
for every "alle lokalråd" activity (plans.services.sync_assignments_for_council).
"""

from django.dispatch import Signal

local_council_saved = Signal()
