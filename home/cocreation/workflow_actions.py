"""The action Wagtail runs when a workflow finishes (WAGTAIL_FINISH_WORKFLOW_ACTION). Kept
free of model imports at module level: Wagtail loads it while its models are being set up."""


def publish_approved(workflow_state, user=None):
    """Publish the approved revision. Approving the last step is itself the authority to
    publish, so a language's reviewer (who has no publish permission anywhere else) can make
    the translation they approved live; the publication is logged under their name."""
    workflow_state.content_object.get_latest_revision().publish(
        user=user, skip_permission_checks=True
    )
