import type { ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { useSession } from './auth/session';
import { SignInPage, SignUpPage } from './pages/AuthPages';
import { FeedPage } from './pages/FeedPage';
import { GroupDirectoryPage } from './pages/GroupDirectoryPage';
import { GroupFormPage } from './pages/GroupFormPage';
import { GroupAboutTab, GroupLayout, GroupMembersTab, GroupThreadsTab } from './pages/GroupPage';
import { HomePage } from './pages/HomePage';
import { ModerationPage } from './pages/ModerationPage';
import { NewThreadPage } from './pages/NewThreadPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { NotificationsPage } from './pages/NotificationsPage';
import { ProfilePage, UserPage } from './pages/ProfilePages';
import { ThreadPage } from './pages/ThreadPage';
import { Layout } from './ui/Layout';
import { Loading } from './ui/states';

/** Pages for signed-in users only; others are sent to sign in and brought back after. */
function RequireSignIn({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (session.state === 'loading') return <Loading />;
  if (session.state === 'signed-out') {
    return (
      <Navigate
        to={`/signin?next=${encodeURIComponent(location.pathname + location.search)}`}
        replace
      />
    );
  }
  return children;
}

export function App() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<HomePage />} />
        <Route path="signin" element={<SignInPage />} />
        <Route path="signup" element={<SignUpPage />} />
        <Route
          path="feed"
          element={
            <RequireSignIn>
              <FeedPage />
            </RequireSignIn>
          }
        />
        <Route
          path="notifications"
          element={
            <RequireSignIn>
              <NotificationsPage />
            </RequireSignIn>
          }
        />
        <Route
          path="profile"
          element={
            <RequireSignIn>
              <ProfilePage />
            </RequireSignIn>
          }
        />
        <Route path="users/:userId" element={<UserPage />} />
        <Route path="groups" element={<GroupDirectoryPage />} />
        <Route
          path="groups/new"
          element={
            <RequireSignIn>
              <GroupFormPage />
            </RequireSignIn>
          }
        />
        <Route path="groups/:groupId" element={<GroupLayout />}>
          <Route index element={<GroupThreadsTab />} />
          <Route path="about" element={<GroupAboutTab />} />
          <Route path="members" element={<GroupMembersTab />} />
        </Route>
        <Route
          path="groups/:groupId/edit"
          element={
            <RequireSignIn>
              <GroupFormPage />
            </RequireSignIn>
          }
        />
        <Route
          path="groups/:groupId/new"
          element={
            <RequireSignIn>
              <NewThreadPage />
            </RequireSignIn>
          }
        />
        <Route
          path="groups/:groupId/moderation"
          element={
            <RequireSignIn>
              <ModerationPage />
            </RequireSignIn>
          }
        />
        <Route path="threads/:threadId" element={<ThreadPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
