resource "iredadmin_domain_admins" "example" {
  domain = iredadmin_domain.example.domain
  admins = [iredadmin_admin.helpdesk.email, "jane@example.com"]
}
