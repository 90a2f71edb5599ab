"""Co-creation's models and the partner pages moved to their own apps (home.cocreation,
label "cocreation"; home.partners, label "partners"). Their tables stay where they are:
only Django's record of the models changes here; the new apps' 0001 take them over and
rename their content types. Apps whose models point at a partner organisation move those
references first (their migrations name this one in run_before), so home depends on no
app."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("home", "0009_move_language_check")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                # The organisation's section first: it names the partner page.
                migrations.RemoveField(model_name="partnerorganisation", name="section"),
                migrations.DeleteModel(name="PartnerPage"),
                migrations.DeleteModel(name="PartnerIndexPage"),
                migrations.DeleteModel(name="LocaleAssignment"),
                migrations.DeleteModel(name="LocaleReviewTask"),
                migrations.DeleteModel(name="PartnerLeadReviewTask"),
                migrations.DeleteModel(name="PartnerOrganisation"),
            ],
        )
    ]
