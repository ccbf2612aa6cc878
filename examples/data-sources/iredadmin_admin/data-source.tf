data "iredadmin_admin" "helpdesk" {
  email = "helpdesk@example.com"
}
