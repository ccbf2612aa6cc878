data "iredadmin_alias" "sales" {
  email = "sales@example.com"
}
