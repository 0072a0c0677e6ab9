"""Forms of party fees. The month's sheet has one set of inputs per member, named by the
member's id, and the treasurer's choice names a member: sheet.py and access.py read and check
those values, each refusal in Vietnamese. The form itself carries the CSRF token."""

from flask_wtf import FlaskForm


class ActionForm(FlaskForm):
    """The CSRF token of the sheet, of naming a treasurer and of relieving one."""
