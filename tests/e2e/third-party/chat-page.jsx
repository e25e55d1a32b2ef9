/**
 * A third-party chat page for the page mapper's e2e test, built with an open-source chat UI kit the project did not
 * write (@chatscope/chat-ui-kit-react, on React). The test bundles it with esbuild at run time and serves it on its
 * own port; nothing here knows Huashu. window.chatkit lets the test write as the buyer and read the thread.
 */
import {
  ChatContainer,
  ConversationHeader,
  MainContainer,
  Message,
  MessageInput,
  MessageList,
} from '@chatscope/chat-ui-kit-react';
import '@chatscope/chat-ui-kit-styles/dist/default/styles.min.css';
import { useState } from 'react';
import { createRoot } from 'react-dom/client';

let nextId = 1;
const message = (direction, text) => ({ id: nextId++, direction, text });
let thread = [
  message('incoming', '你好，在吗'),
  message('outgoing', '亲，您好，请问有什么可以帮您？'),
  message('incoming', '我想问一下这个有货吗'),
  message('outgoing', '有的亲，现货'),
];
let redraw = () => {};

function add(direction, text) {
  thread = [...thread, message(direction, text)];
  redraw(thread);
}

function ChatPage() {
  const [messages, setMessages] = useState(thread);
  redraw = setMessages;
  return (
    <div style={{ height: '100vh', maxWidth: '960px' }}>
      <MainContainer>
        <ChatContainer>
          <ConversationHeader>
            <ConversationHeader.Content userName="王小明" info="在线" />
          </ConversationHeader>
          <MessageList>
            {messages.map((item) => (
              <Message
                key={item.id}
                model={{ type: 'text', payload: item.text, direction: item.direction, position: 'single' }}
              />
            ))}
          </MessageList>
          <MessageInput
            placeholder="输入消息"
            attachButton={false}
            onSend={(_html, textContent) => add('outgoing', textContent)}
          />
        </ChatContainer>
      </MainContainer>
    </div>
  );
}

window.chatkit = {
  buyerSays: (text) => add('incoming', text),
  thread: () => thread.map(({ direction, text }) => ({ direction, text })),
};
createRoot(document.getElementById('root')).render(<ChatPage />);
