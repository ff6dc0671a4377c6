// Sign up and sign in: one form, two modes. A successful answer's token starts the session.
import {post, session} from '../api.js';
import {busy, field, h, say} from '../dom.js';

export const signIn = {render: (view, ctx) => render(view, ctx, false)};
export const signUp = {render: (view, ctx) => render(view, ctx, true)};

function render(view, ctx, creating) {
  const email = h('input', {type: 'email', name: 'email', required: true, autocomplete: 'email', inputmode: 'email'});
  const password = h('input', {
    type: 'password', name: 'password', required: true, minlength: creating ? 8 : null,
    autocomplete: creating ? 'new-password' : 'current-password',
  });
  const message = h('div', {class: 'message-slot'});
  const form = h('form', {class: 'card auth-form', novalidate: false},
    field('Email', email),
    field('Password', password, creating ? 'At least 8 characters, not a common password. A few unrelated words make a good one.' : null),
    message,
    h('button', {type: 'submit', class: 'primary wide'}, creating ? 'Create account' : 'Sign in'));

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    say(message, null, '');
    await busy(form, async () => {
      try {
        session.start(await post(creating ? '/auth/register' : '/auth/login', {email: email.value.trim(), password: password.value}));
        ctx.go(creating ? '/characters' : '/videos');
      } catch (e) {
        say(message, 'error', e.message);
        password.focus();
      }
    });
  });

  view.append(h('section', {class: 'auth'},
    h('div', {class: 'auth-intro'},
      h('h1', {}, creating ? 'Create your account' : 'Sign in'),
      h('p', {class: 'lead'}, 'Turn a theme and your recurring character into a subtitled vertical short.')),
    form,
    h('p', {class: 'switch'}, creating ? 'Already have an account? ' : 'New to Reelsmith? ',
      h('a', {href: creating ? '#/signin' : '#/signup'}, creating ? 'Sign in' : 'Create an account'))));
}
