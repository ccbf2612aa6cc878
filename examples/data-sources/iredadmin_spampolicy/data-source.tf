data "iredadmin_spampolicy" "global" {
  target = "global"
}
