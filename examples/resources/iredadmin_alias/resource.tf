resource "iredadmin_alias" "sales" {
  email         = "sales@example.com"
  name          = "Sales team"
  access_policy = "domain"
  members       = [iredadmin_user.jane.email, "bob@example.com"]
}
