data "iredadmin_ldif" "jane" {
  kind   = "user"
  target = "jane@example.com"
}
