"""Administration routes: only committee admins; members and secretaries get 404."""

from sqlalchemy import select

from handbook.admin.demo import COMMUNE
from handbook.extensions import db
from handbook.orgs.models import Organization
from handbook.timefmt import vn_today
from tests.routes import Rule, expect, fixed


def _today() -> str:
    return f"{vn_today():%d/%m/%Y}"


def _commune():
    """A base organisation of the demo besides world["base"]: the commune of handbook/admin/demo.py."""
    return db.session.scalar(select(Organization).where(Organization.name == COMMUNE))


def _member(world):
    return world["users"]["dangvien"].id


ADMIN_ONLY = expect(member=404, admin=200)
RULES = [
    Rule("admin.index", "GET", fixed("/admin/"), ADMIN_ONLY),
    Rule("admin.orgs", "GET", fixed("/admin/orgs"), ADMIN_ONLY),
    Rule("admin.org", "GET", lambda w: f"/admin/orgs/{w['cell1'].id}", ADMIN_ONLY),
    Rule("admin.add_child", "POST", lambda w: f"/admin/orgs/{w['base'].id}/children", expect(member=404, admin=422),
         data=lambda w: {"name": "", "kind": "cell"}),
    Rule("admin.rename", "POST", lambda w: f"/admin/orgs/{w['cell2'].id}/rename", expect(member=404, admin=302),
         data=lambda w: {"name": "Chi bộ Văn phòng"}),
    Rule("admin.move", "POST", lambda w: f"/admin/orgs/{w['cell2'].id}/move", expect(member=404, admin=422),
         data=lambda w: {"parent": str(w["cell2"].id)}),
    Rule("admin.close", "POST", lambda w: f"/admin/orgs/{w['cell2'].id}/close", expect(member=404, admin=302)),
    # Without confirm=1 a merge or split only shows what it would do.
    Rule("admin.merge", "POST", lambda w: f"/admin/orgs/{w['base'].id}/merge", expect(member=404, admin=200),
         data=lambda w: {"merge-target": str(_commune().id), "merge-day": _today()}),
    Rule("admin.split", "POST", lambda w: f"/admin/orgs/{w['cell1'].id}/split", expect(member=404, admin=200),
         data=lambda w: {"split-name": "Chi bộ Phòng Dữ liệu", "split-day": _today(),
                         "split-parts": str(w["users"]["dangvien2"].id)}),
    Rule("admin.members", "GET", fixed("/admin/members"), ADMIN_ONLY),
    Rule("admin.members_csv", "GET", fixed("/admin/members.csv"), ADMIN_ONLY),
    Rule("admin.new_member", "GET", fixed("/admin/members/new"), ADMIN_ONLY),
    Rule("admin.new_member", "POST", fixed("/admin/members/new"), expect(member=404, admin=422),
         data=lambda w: {"full_name": ""}),
    Rule("admin.member", "GET", lambda w: f"/admin/members/{_member(w)}", ADMIN_ONLY),
    Rule("admin.member", "POST", lambda w: f"/admin/members/{_member(w)}", expect(member=404, admin=422),
         data=lambda w: {"full_name": "=1+1"}),
    Rule("admin.deactivate", "POST", lambda w: f"/admin/members/{_member(w)}/deactivate",
         expect(member=404, admin=302)),
    Rule("admin.reactivate", "POST", lambda w: f"/admin/members/{_member(w)}/reactivate",
         expect(member=404, admin=302)),
    Rule("admin.reset_password", "POST", lambda w: f"/admin/members/{_member(w)}/password",
         expect(member=404, admin=200)),
    Rule("admin.move_member", "POST", lambda w: f"/admin/members/{_member(w)}/move", expect(member=404, admin=302),
         data=lambda w: {"cell": str(w["cell2"].id)}),
    Rule("admin.assign_role", "POST", lambda w: f"/admin/members/{_member(w)}/roles", expect(member=404, admin=302),
         data=lambda w: {"role": "deputy"}),
    Rule("admin.remove_role", "POST", lambda w: f"/admin/members/{_member(w)}/roles/deputy/remove",
         expect(member=404, admin=302)),
    Rule("admin.import_template", "GET", fixed("/admin/import/template.csv"), ADMIN_ONLY),
    Rule("admin.import_members", "GET", fixed("/admin/import"), ADMIN_ONLY),
    Rule("admin.import_members", "POST", fixed("/admin/import"), expect(member=404, admin=422)),
    Rule("admin.import_confirm", "POST", fixed("/admin/import/confirm"), expect(member=404, admin=302)),
    Rule("admin.dashboard", "GET", fixed("/admin/dashboard"), ADMIN_ONLY),
    Rule("admin.dashboard_csv", "GET", fixed("/admin/dashboard.csv"), ADMIN_ONLY),
    Rule("admin.audit", "GET", fixed("/admin/audit"), ADMIN_ONLY),
]
