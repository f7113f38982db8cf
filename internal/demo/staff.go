package demo

import "newsdesk/internal/news"

// AdminEmail is the demo newsroom's admin, to whom `serve --demo` prints a
// one-time sign-in link.
const AdminEmail = "admin@example.com"

// Staff returns the demo newsroom's staff, one of each role, without
// passwords: they sign in through one-time links made on the desk.
func Staff() []news.User {
	return []news.User{
		{Email: AdminEmail, Name: "Dana Whitfield", Role: news.RoleAdmin},
		{Email: "editor@example.com", Name: "Marcus Bell", Role: news.RoleEditor},
		{Email: "author@example.com", Name: "Anna Marsh", Role: news.RoleAuthor},
		{Email: "contributor@example.com", Name: "Leo Park", Role: news.RoleContributor},
	}
}
