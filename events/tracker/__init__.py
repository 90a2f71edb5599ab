"""The action tracker (issue #17): every published action point of event reports, policy
dialogues, commitments and working groups in one filterable view at /<lang>/actions/, with
each action's history of status changes, a calendar of due dates and reminder emails.

Pages hand their actions over by duck typing: any page model with a ``tracked_actions()``
method (see events.tracker.sync for the shape) is read when it is published, unpublished,
moved or deleted. The tracker imports none of those apps."""
